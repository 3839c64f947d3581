package io.github.ucode4j.cli;

/** An expected failure a command detects itself: one line for the user, and the exit code it means. */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exit code this failure means, one of {@link ExitCode}'s. */
    private final int exitCode;

    /**
     * A failure with {@code message} that ends the command with {@code exitCode} (see {@link ExitCode}).
     *
     * @param exitCode the process's exit code, one of {@link ExitCode}'s, not {@link ExitCode#OK}
     * @param message the one line the user sees on standard error, without line end
     */
    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * The exit code this failure means.
     *
     * @return the exit code the command ends with
     */
    public int exitCode() {
        return exitCode;
    }
}
