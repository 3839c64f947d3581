package io.github.ucode4j.cli.iucode;

import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ucode iucode-tool ARGS...}: iucode_tool 2.3.1's command line, its options, messages and exit codes, on
 * the library's reading, selection and writers. Its arguments are iucode_tool's, parsed as iucode_tool parses
 * them, so none of ucode's options apply after the command's name.
 */
@Command(name = "iucode-tool", preprocessor = IucodeToolCommand.TakeEveryArgument.class,
        description = {"Run as iucode_tool 2.3.1: its options, output and exit codes (a drop-in for scripts).",
            "Options: -q -v -vv -l -L -t TYPE -s FILTER -S/--scan-system -w/--write-to FILE --write-earlyfw FILE "
                + "-K[DIR]/--write-firmware -W/--write-named-to DIR --write-all-named-to DIR --overwrite --mini-earlyfw "
                + "--date-before --date-after --loose-date-filtering --strict-checks --no-strict-checks --ignore-broken; "
                + "'-' reads standard input; folders are read in "
                + "their own order. Not supported: -k (uploading through /dev/cpu/microcode; use ucode apply)."})
public final class IucodeToolCommand extends CommandBase {
    /**
     * The environment variable holding the name iucode_tool was called by, which starts its messages (the compat
     * launcher sets it to its own {@code $0}); {@value #SHORT_NAME} when unset.
     */
    public static final String PROGRAM_VARIABLE = "UCODE_IUCODE_TOOL_NAME";

    private static final String SHORT_NAME = "iucode_tool";

    private final List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String program = Optional.ofNullable(System.getenv(PROGRAM_VARIABLE)).filter(name -> !name.isEmpty()).orElse(SHORT_NAME);
        IucodeToolOptions options;
        try {
            options = IucodeToolOptions.parse(arguments);
        } catch (IucodeToolUsageException e) {
            err().println((e.fromOptionParser() ? program : SHORT_NAME) + ": " + e.getMessage());
            err().println("Try `" + SHORT_NAME + " --help' or `" + SHORT_NAME + " --usage' for more information.");
            return ExitCode.USAGE;
        }
        return new IucodeToolRun(options, program, System.in, out(), err()).run();
    }

    /** Hands every argument after the command's name to iucode_tool's parser, untouched by picocli's. */
    static final class TakeEveryArgument implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
            IucodeToolCommand command = commandSpec.commandLine().getCommand();
            while (!args.isEmpty()) {
                command.arguments.add(args.pop());
            }
            return true;
        }
    }
}
