package io.github.ucode4j.amd;

import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.spi.ParseMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the parse of one input noticed: a broken rule becomes an error, or, for the rules only strict mode enforces, a
 * finding in the other modes. Not thread-safe: one per parse.
 */
final class RuleReporter {
    private final String source;
    private final ParseMode mode;
    private final List<Finding> findings = new ArrayList<>();

    RuleReporter(String source, ParseMode mode) {
        this.source = source;
        this.mode = mode;
    }

    String source() {
        return source;
    }

    ParseMode mode() {
        return mode;
    }

    /** The error for {@code rule} broken at {@code offset}, to throw. */
    MicrocodeFormatException error(AmdRule rule, long offset, String detail) {
        return new MicrocodeFormatException(rule, source, offset, detail);
    }

    /** Throws the error for {@code rule} in strict mode; in the other modes records it as a finding of severity error. */
    void strictOnly(AmdRule rule, long offset, String detail) throws MicrocodeFormatException {
        if (mode == ParseMode.STRICT) {
            throw error(rule, offset, detail);
        }
        findings.add(new Finding(Severity.ERROR, rule.code(), source, offset, rule.rule() + " (" + detail + ")"));
    }

    /** Records a finding about {@code rule} at {@code offset}. */
    void note(Severity severity, FormatRule rule, long offset, String message) {
        findings.add(new Finding(severity, rule.code(), source, offset, message));
    }

    /** Records findings made elsewhere. */
    void addAll(List<Finding> more) {
        findings.addAll(more);
    }

    /** Everything recorded so far, in order. */
    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
