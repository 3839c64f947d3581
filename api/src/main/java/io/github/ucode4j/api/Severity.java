package io.github.ucode4j.api;

/** How much a {@link Finding} matters. */
public enum Severity {
    /** Worth knowing; nothing is wrong. */
    INFO,
    /** Suspicious or inconsistent, but the data can still be used. */
    WARNING,
    /** The data broke a rule; in strict mode it would have been rejected. */
    ERROR
}
