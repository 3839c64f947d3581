package io.github.ucode4j.intel;

import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.spi.ParseMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns broken rules into errors or findings for one parse, by the rule's kind and the parse mode, naming the
 * source and the offset in the user's input. Not thread-safe: one per parse.
 */
final class Diagnostics {
    private final String source;
    private final boolean lenient;
    private final InputPositions positions;
    private final List<Finding> findings = new ArrayList<>();

    Diagnostics(String source, ParseMode mode, InputPositions positions) {
        this.source = source;
        this.lenient = mode == ParseMode.LENIENT;
        this.positions = positions;
    }

    /** A fresh, strict collector for one candidate patch of a recover-mode scan. */
    Diagnostics strictCandidate() {
        return new Diagnostics(source, ParseMode.STRICT, positions);
    }

    String source() {
        return source;
    }

    InputPositions positions() {
        return positions;
    }

    /** The error for {@code rule} broken at {@code streamOffset}. */
    MicrocodeFormatException error(IntelRule rule, long streamOffset, String detail) {
        return new MicrocodeFormatException(rule, source, positions.sourceOffset(streamOffset),
                withPosition(detail, streamOffset));
    }

    /** A rule only strict mode enforces: an error in strict mode, an {@link Severity#ERROR} finding otherwise. */
    void strictOnly(IntelRule rule, long streamOffset, String detail) throws MicrocodeFormatException {
        if (!lenient) {
            throw error(rule, streamOffset, detail);
        }
        add(Severity.ERROR, rule, streamOffset, detail);
    }

    /** An observation that does not stop the parse. */
    void warn(IntelRule rule, long streamOffset, String detail) {
        add(Severity.WARNING, rule, streamOffset, detail);
    }

    /** A candidate patch that recover mode skipped, reported as a warning under the rule it broke. */
    void rejected(MicrocodeFormatException e) {
        findings.add(new Finding(Severity.WARNING, e.rule().code(), e.source(), e.offset(),
                "a candidate header is not a valid patch: " + e.rule().rule()
                        + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")")));
    }

    void addAll(Diagnostics other) {
        findings.addAll(other.findings);
    }

    List<Finding> findings() {
        return findings;
    }

    private void add(Severity severity, IntelRule rule, long streamOffset, String detail) {
        findings.add(new Finding(severity, rule.code(), source, positions.sourceOffset(streamOffset),
                rule.rule() + " (" + withPosition(detail, streamOffset) + ")"));
    }

    private String withPosition(String detail, long streamOffset) {
        String where = positions.describe(streamOffset);
        return where.isEmpty() ? detail : detail + ", at " + where;
    }
}
