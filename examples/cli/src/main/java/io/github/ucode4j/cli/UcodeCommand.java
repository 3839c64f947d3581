package io.github.ucode4j.cli;

import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code ucode}: the top-level command, its options, help and version; it only dispatches to its subcommands, which
 * {@link UcodeCommandTree} lists and {@link NamedCommand} adds one by one.
 */
@Command(name = "ucode",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = UcodeCommand.Version.class,
        description = "Read, check, explain and apply x86 CPU microcode (Intel and AMD).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success, or everything is already up to date",
            "1:usage error (unknown option, missing argument, bad filter)",
            "2:bad input (a broken or unreadable file, an output that cannot be written)",
            "3:the load failed, was refused, or left some CPUs behind",
            "4:no usable apply backend",
            "10:with --detailed-exitcode (apply, write-*): success that changed something",
            "70:internal error (a bug, or out of memory; run with --debug and report it)"})
public class UcodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = FailureHandler.DEBUG_OPTION, scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure.")
    boolean debug;

    @Option(names = {"-v", VerboseOption.NAME}, scope = ScopeType.INHERIT,
            description = "Show the library's decisions on standard error, one line each: the backend chosen and why "
                    + "not the others, each plan verdict, each file read or written, the load's phases and deadlines. "
                    + "Twice (-vv) for their detail.")
    boolean[] verbose;

    /** The top-level command alone, without subcommands; a run adds the one it names. */
    public UcodeCommand() {
        // Picocli fills the options in when it parses a command line.
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** The version this jar was built as, the commit it was built from, and the JVM running it. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return BuildInfo.read().versionLines();
        }
    }
}
