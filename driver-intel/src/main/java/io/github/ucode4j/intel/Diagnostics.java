package io.github.ucode4j.intel;

import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.api.spi.ParseReporter;
import java.util.List;

/**
 * The parse's {@link ParseReporter}, spoken to in offsets of the binary stream: names each offset as it is in the
 * user's input (for {@code .dat} text, the dword's line and column). What a broken rule does is the reporter's
 * decision. Not thread-safe: one per parse.
 */
final class Diagnostics {
    private final ParseReporter reporter;
    private final InputPositions positions;

    Diagnostics(String source, ParseMode mode, InputPositions positions) {
        this(new ParseReporter(source, mode), positions);
    }

    private Diagnostics(ParseReporter reporter, InputPositions positions) {
        this.reporter = reporter;
        this.positions = positions;
    }

    /** A collector for one candidate patch of a recover-mode scan, whose findings count only if it is kept. */
    Diagnostics candidate() {
        return new Diagnostics(reporter.candidate(), positions);
    }

    String source() {
        return reporter.source();
    }

    InputPositions positions() {
        return positions;
    }

    /** The error for {@code rule}, which every mode rejects, broken at {@code streamOffset}. */
    MicrocodeFormatException error(IntelRule rule, long streamOffset, String detail) {
        return reporter.error(rule, positions.sourceOffset(streamOffset), withPosition(detail, streamOffset));
    }

    /** {@code rule} is broken at {@code streamOffset}: an error or a finding, as its kind and the mode decide. */
    void broken(IntelRule rule, long streamOffset, String detail) throws MicrocodeFormatException {
        reporter.broken(rule, positions.sourceOffset(streamOffset), withPosition(detail, streamOffset));
    }

    /** An observation under a rule that never stops a parse. */
    void warn(IntelRule rule, long streamOffset, String detail) {
        reporter.note(rule, positions.sourceOffset(streamOffset),
                rule.rule() + " (" + withPosition(detail, streamOffset) + ")");
    }

    /** Recover mode: the candidate patch that broke {@code why}'s rule was skipped. */
    void rejected(MicrocodeFormatException why) {
        reporter.rejected(why);
    }

    /** Recover mode: the stream's bytes {@code from} to {@code to} were skipped; {@code why} is the first reason. */
    void skipped(long from, long to, MicrocodeFormatException why) {
        reporter.skipped(positions.sourceOffset(from), to - from, why);
    }

    void addAll(Diagnostics candidate) {
        reporter.addAll(candidate.reporter);
    }

    List<Finding> findings() {
        return reporter.findings();
    }

    private String withPosition(String detail, long streamOffset) {
        String where = positions.describe(streamOffset);
        return where.isEmpty() ? detail : detail + ", at " + where;
    }
}
