package io.github.ucode4j.cache;

/** A selection filter that does not parse: says which text and what was expected. */
public final class InvalidFilterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * With a message naming the text and the expected form.
     *
     * @param message what text was given and what form was expected, for a person
     */
    public InvalidFilterException(String message) {
        super(message);
    }
}
