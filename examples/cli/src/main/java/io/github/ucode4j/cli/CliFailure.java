package io.github.ucode4j.cli;

/** An expected failure a command detects itself: one line for the user, and the exit code it means. */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A failure with {@code message} that ends the command with {@code exitCode} (see {@link ExitCode}). */
    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The exit code this failure means. */
    public int exitCode() {
        return exitCode;
    }
}
