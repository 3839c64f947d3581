package io.github.ucode4j.cache;

import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.RuleKind;

/** Rules that a cache's patches must follow to be written, checked by {@link MicrocodeWriter}. */
public enum WriterRule implements FormatRule {
    /**
     * A firmware directory holds a copy of a patch under the name of every processor it declares, and the named
     * files one per signature and mask: an Intel patch with N extended signatures would be written N times, N
     * times its own size, which grows as the square of the input. Released Intel patches declare at most six
     * processors (Debian's intel-microcode, 2025), so ten times as many leaves room while keeping the output
     * within {@value MicrocodeWriter#MAX_COPIES} times the input.
     */
    TOO_MANY_COPIES("a patch is written into at most " + MicrocodeWriter.MAX_COPIES + " files, one for each processor it declares");

    private final String rule;

    WriterRule(String rule) {
        this.rule = rule;
    }

    @Override
    public String code() {
        return "WRITER_" + name();
    }

    @Override
    public String rule() {
        return rule;
    }

    /** {@link RuleKind#ERROR}: nothing that breaks it is written. */
    @Override
    public RuleKind kind() {
        return RuleKind.ERROR;
    }
}
