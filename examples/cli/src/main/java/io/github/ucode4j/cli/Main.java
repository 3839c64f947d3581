package io.github.ucode4j.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.RunLast;

/** Starts the {@code ucode} command. */
public final class Main {
    private Main() {
    }

    /** Runs {@code ucode} with {@code args} and exits with its {@link ExitCode}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The {@code ucode} command line, with its failure handling; set its output streams before executing it. */
    public static CommandLine commandLine() {
        FailureHandler failures = new FailureHandler();
        return new CommandLine(new UcodeCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(failures.catchingErrors(new RunLast()))
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }

    // Whatever escapes the command line (an Error while parsing) still ends as one line and exit code 70.
    private static int run(String[] args) {
        try {
            return commandLine().execute(args);
        } catch (Throwable failure) {
            System.err.println(FailureHandler.lastResortLine(failure));
            if (List.of(args).contains(FailureHandler.DEBUG_OPTION)) {
                failure.printStackTrace();
            }
            return ExitCode.INTERNAL_ERROR;
        }
    }
}
