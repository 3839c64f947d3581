package io.github.ucode4j.api;

/**
 * What breaking a {@link FormatRule} does to the data, the same for every driver. What each kind does in each parse
 * mode is decided in one place, {@link io.github.ucode4j.api.spi.ParseReporter}, and stated in
 * {@link io.github.ucode4j.api.spi.ParseMode}.
 */
public enum RuleKind {
    /** A rule the Linux and Xen loaders enforce: data that breaks it is never used. */
    ERROR(Severity.ERROR),
    /**
     * A rule only iucode_tool's default strict checks add on top of the loaders' (Intel: a total size that is a
     * multiple of 1024): strict mode rejects data that breaks it, the other modes keep it and report it.
     */
    STRICT_ONLY(Severity.ERROR),
    /** Something suspicious that no loader refuses: always reported, never rejected. */
    WARNING(Severity.WARNING),
    /** Something worth knowing: always reported, never rejected. */
    INFO(Severity.INFO);

    private final Severity severity;

    RuleKind(Severity severity) {
        this.severity = severity;
    }

    /**
     * The severity of the {@link Finding} that reports a broken rule of this kind.
     *
     * @return {@link Severity#ERROR} for the kinds that can reject data, else the kind's own severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * Whether no parse mode rejects data that breaks a rule of this kind.
     *
     * @return {@code true} for {@link #WARNING} and {@link #INFO}
     */
    public boolean neverRejects() {
        return this == WARNING || this == INFO;
    }
}
