package io.github.ucode4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the streams picocli was given, so that tests can capture them, each behind an
 * {@link EscapingWriter}: a file name with a newline or an escape sequence in it is shown escaped, whatever prints
 * it. Print one line per {@code println}.
 */
// @Command marks this as part of a command for picocli's compile-time checks; it adds nothing to the commands.
@Command
public abstract class CommandBase implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * Standard output, control characters escaped.
     *
     * @return a writer onto the command line's standard output, flushed at every line end
     */
    protected PrintWriter out() {
        return new EscapingWriter(spec.commandLine().getOut());
    }

    /**
     * Standard error, control characters escaped, for warnings; failures are thrown and printed by the failure handler.
     *
     * @return a writer onto the command line's standard error, flushed at every line end
     */
    protected PrintWriter err() {
        return new EscapingWriter(spec.commandLine().getErr());
    }

    /**
     * Prints a warning line on standard error.
     *
     * @param message the warning, one line without line end; it follows {@code ucode CMD: warning: }
     */
    protected void warn(String message) {
        err().println(spec.qualifiedName() + ": warning: " + message);
    }

    /**
     * Prints an error line on standard error, for a failure the command reports and then goes on past.
     *
     * @param message the error, one line without line end; it follows {@code ucode CMD: }
     */
    protected void error(String message) {
        err().println(spec.qualifiedName() + ": " + message);
    }
}
