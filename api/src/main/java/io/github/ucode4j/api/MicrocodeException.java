package io.github.ucode4j.api;

/**
 * The common parent of ucode4j's checked exceptions, so a caller can handle every expected failure in one place.
 * Messages are written to be shown to a person as they are.
 */
public abstract class MicrocodeException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * With a message for a person and, where there is one, the cause.
     *
     * @param message what went wrong, for a person; not null
     * @param cause the underlying exception, or null when there is none
     */
    protected MicrocodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
