package io.github.ucode4j.api;

import java.util.Objects;

/**
 * Something a parser, the cache or the planner noticed that does not stop the work: a duplicate equivalence
 * entry, a patch accepted only in lenient mode, two patches with the same revision and different bytes. A parser's
 * findings are made by {@link io.github.ucode4j.api.spi.ParseReporter}, each under a {@link FormatRule} with the
 * severity its {@link RuleKind} gives.
 *
 * @param severity how much it matters
 * @param code a stable identifier, for programs; a parser's is its rule's code ({@code "AMD_EQUIVALENCE_DUPLICATE"})
 * @param source the input it is about, or the empty string when it is about no single input
 * @param offset the byte offset in {@code source}, or -1 when not about a position
 * @param message what was found, in words a person can act on
 */
public record Finding(Severity severity, String code, String source, long offset, String message) {

    /**
     * Requires non-null components and an offset of -1 or more.
     *
     * @param severity how much it matters; not null
     * @param code the stable identifier; not null
     * @param source the input it is about, or the empty string; not null
     * @param offset the byte offset in {@code source}, or -1 when not about a position
     * @param message what was found; not null
     * @throws IllegalArgumentException when {@code offset} is below -1
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (offset < -1) {
            throw new IllegalArgumentException("offset " + offset);
        }
    }

    /** {@code WARNING file@0x40: message [CODE]}. */
    @Override
    public String toString() {
        String where = source.isEmpty() ? "" : offset < 0 ? source + ": " : source + "@0x" + Long.toHexString(offset) + ": ";
        return severity + " " + where + message + " [" + code + "]";
    }
}
