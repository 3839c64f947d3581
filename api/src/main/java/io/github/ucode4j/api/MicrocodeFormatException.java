package io.github.ucode4j.api;

import java.util.Objects;

/**
 * Data that breaks a rule of its format. Names the input, the byte offset and the rule, so that the message alone
 * tells a person what is wrong and where: {@code 06-55-04@0x0: header checksum: the dwords of header and data must
 * sum to zero (sum is 0x1)}.
 *
 * <p>Parsers are total: for any bytes they return a result or throw this exception, nothing else.
 */
public final class MicrocodeFormatException extends MicrocodeException {
    private static final long serialVersionUID = 1L;

    private final transient FormatRule rule;
    /** The input's name. */
    private final String source;
    /** The byte offset at which the rule is broken. */
    private final long offset;
    /** The values that break the rule, or empty. */
    private final String detail;

    /**
     * @param rule the rule broken
     * @param source the input's name
     * @param offset the byte offset at which the rule is broken
     * @param detail the values that break it ({@code "sum is 0x1"}), or empty
     */
    public MicrocodeFormatException(FormatRule rule, String source, long offset, String detail) {
        this(rule, source, offset, detail, null);
    }

    /**
     * As {@link #MicrocodeFormatException(FormatRule, String, long, String)}, with a cause.
     *
     * @param rule the rule broken; not null
     * @param source the input's name; not null
     * @param offset the byte offset at which the rule is broken
     * @param detail the values that break it, or the empty string; not null
     * @param cause the underlying exception, or null
     */
    public MicrocodeFormatException(FormatRule rule, String source, long offset, String detail, Throwable cause) {
        super(message(rule, source, offset, detail), cause);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.source = Objects.requireNonNull(source, "source");
        this.offset = offset;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    private static String message(FormatRule rule, String source, long offset, String detail) {
        return source + "@0x" + Long.toHexString(offset) + ": " + rule.rule() + (detail.isEmpty() ? "" : " (" + detail + ")")
                + " [" + rule.code() + "]";
    }

    /**
     * The rule broken.
     *
     * @return the rule broken, never null
     */
    public FormatRule rule() {
        return rule;
    }

    /**
     * The input's name.
     *
     * @return the input's name, as given to the parser
     */
    public String source() {
        return source;
    }

    /**
     * The byte offset at which the rule is broken.
     *
     * @return the byte offset within {@link #source()}
     */
    public long offset() {
        return offset;
    }

    /**
     * The values that break the rule, or empty.
     *
     * @return the values that break the rule, or the empty string
     */
    public String detail() {
        return detail;
    }
}
