package io.github.ucode4j.api;

/** Rules about the input itself, shared by every driver. */
public enum InputRule implements FormatRule {
    /** The input holds no bytes. */
    EMPTY("the input must not be empty", RuleKind.ERROR),
    /** No driver recognises the content. */
    UNRECOGNIZED("the input must be Intel or AMD microcode", RuleKind.ERROR),
    /** The input could not be read. */
    UNREADABLE("the input must be a readable regular file", RuleKind.ERROR),
    /** The input is larger than any microcode file can be. */
    TOO_LARGE("the input must not exceed the reader's size limit", RuleKind.ERROR),
    /**
     * Bytes that a {@link io.github.ucode4j.api.spi.ParseMode#RECOVER} parse skipped because no usable patch starts
     * there; the finding names the rule that made it skip them.
     */
    SKIPPED_BYTES("bytes that hold no usable patch were skipped", RuleKind.WARNING);

    private final String rule;
    private final RuleKind kind;

    InputRule(String rule, RuleKind kind) {
        this.rule = rule;
        this.kind = kind;
    }

    @Override
    public String code() {
        return "INPUT_" + name();
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public RuleKind kind() {
        return kind;
    }
}
