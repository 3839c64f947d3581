package io.github.ucode4j.cli;

import picocli.CommandLine;

/** Starts the {@code ucode} command. */
public final class Main {
    private Main() {
    }

    /** Runs {@code ucode} with {@code args} and exits with its {@link ExitCode}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code ucode} command line, with its failure handling; set its output streams before executing it. */
    public static CommandLine commandLine() {
        FailureHandler failures = new FailureHandler();
        return new CommandLine(new UcodeCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures);
    }
}
