package io.github.ucode4j.cache;

import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.RuleKind;

/** Rules that hold across inputs, checked when a cache is built. */
public enum CacheRule implements FormatRule {
    /** Two patches for the same processor, platform mask and revision must hold the same bytes. */
    CONFLICTING_PATCHES("patches with the same signature, platform mask and revision must be identical");

    private final String rule;

    CacheRule(String rule) {
        this.rule = rule;
    }

    @Override
    public String code() {
        return "CACHE_" + name();
    }

    @Override
    public String rule() {
        return rule;
    }

    /** {@link RuleKind#STRICT_ONLY}: a strict cache refuses a conflict, another keeps the first and warns. */
    @Override
    public RuleKind kind() {
        return RuleKind.STRICT_ONLY;
    }
}
