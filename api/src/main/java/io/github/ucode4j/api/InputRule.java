package io.github.ucode4j.api;

/** Rules about the input itself, shared by every driver. */
public enum InputRule implements FormatRule {
    /** The input holds no bytes. */
    EMPTY("the input must not be empty"),
    /** No driver recognises the content. */
    UNRECOGNIZED("the input must be Intel or AMD microcode"),
    /** The input could not be read. */
    UNREADABLE("the input must be a readable regular file"),
    /** The input is larger than any microcode file can be. */
    TOO_LARGE("the input must not exceed the reader's size limit");

    private final String rule;

    InputRule(String rule) {
        this.rule = rule;
    }

    @Override
    public String code() {
        return "INPUT_" + name();
    }

    @Override
    public String rule() {
        return rule;
    }
}
