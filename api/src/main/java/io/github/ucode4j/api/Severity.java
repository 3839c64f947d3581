package io.github.ucode4j.api;

/** How much a {@link Finding} matters. */
public enum Severity {
    /** Worth knowing; nothing is wrong. */
    INFO,
    /** Suspicious or inconsistent, but the data can still be used. */
    WARNING,
    /**
     * The data broke a rule that strict mode enforces: it was kept because the mode allows it (a strict-only rule in
     * lenient or recover mode), or skipped (recover mode).
     */
    ERROR
}
