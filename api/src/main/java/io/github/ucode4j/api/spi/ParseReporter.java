package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.RuleKind;
import io.github.ucode4j.api.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What broken rules do to one parse: by the rule's {@link RuleKind} and the {@link ParseMode}, as the mode's
 * documentation states, a {@link MicrocodeFormatException} to throw or a {@link Finding} to keep. Drivers report
 * every broken rule here and decide none of this themselves.
 *
 * <p>Not thread-safe: one per parse, and one per candidate of a {@link ParseMode#RECOVER} scan ({@link #candidate()}).
 */
public final class ParseReporter {
    private final String source;
    private final ParseMode mode;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param source the input's name, for every error and finding
     * @param mode the parse mode
     */
    public ParseReporter(String source, ParseMode mode) {
        this.source = Objects.requireNonNull(source, "source");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /**
     * The input's name.
     *
     * @return the input's name, as given to the constructor
     */
    public String source() {
        return source;
    }

    /**
     * The parse mode.
     *
     * @return the parse mode, as given to the constructor
     */
    public ParseMode mode() {
        return mode;
    }

    /**
     * {@code rule} is broken at {@code offset}: throws its error when this mode rejects data that breaks it, else
     * keeps a finding ({@code "rule (detail)"}) of the severity its kind gives.
     *
     * @param detail the values that break the rule ({@code "sum is 0x1"}), or empty
     * @param rule the rule broken; not null
     * @param offset the byte offset in the input at which it is broken
     * @throws MicrocodeFormatException for an {@link RuleKind#ERROR} rule, and a {@link RuleKind#STRICT_ONLY} one
     *     in {@link ParseMode#STRICT}
     */
    public void broken(FormatRule rule, long offset, String detail) throws MicrocodeFormatException {
        if (rejects(rule.kind())) {
            throw new MicrocodeFormatException(rule, source, offset, detail);
        }
        findings.add(new Finding(rule.kind().severity(), rule.code(), source, offset,
                rule.rule() + inParentheses(detail)));
    }

    /**
     * The error for an {@link RuleKind#ERROR} rule broken at {@code offset}, which every mode rejects, for a reader
     * that cannot go on past it to throw.
     *
     * @param rule the rule broken, of kind {@link RuleKind#ERROR}
     * @param offset the byte offset in the input at which it is broken
     * @param detail the values that break the rule, or empty
     * @return the exception, for the caller to throw
     * @throws IllegalArgumentException when {@code rule} is of another kind, which not every mode rejects
     */
    public MicrocodeFormatException error(FormatRule rule, long offset, String detail) {
        if (rule.kind() != RuleKind.ERROR) {
            throw new IllegalArgumentException(rule.code() + " is " + rule.kind() + ", not rejected in every mode");
        }
        return new MicrocodeFormatException(rule, source, offset, detail);
    }

    /**
     * Keeps a finding under a rule that no mode rejects ({@link RuleKind#WARNING} or {@link RuleKind#INFO}), in
     * words of its own.
     *
     * @param rule the rule the finding is kept under, of kind {@link RuleKind#WARNING} or {@link RuleKind#INFO}
     * @param offset the byte offset in the input the finding is about
     * @param message what was noticed, for a person
     * @throws IllegalArgumentException when some mode rejects data that breaks {@code rule}
     */
    public void note(FormatRule rule, long offset, String message) {
        if (!rule.kind().neverRejects()) {
            throw new IllegalArgumentException(rule.code() + " is " + rule.kind() + ": report it with broken()");
        }
        findings.add(new Finding(rule.kind().severity(), rule.code(), source, offset, message));
    }

    /**
     * Recover mode: the candidate patch or container that broke {@code why}'s rule was skipped. An {@code ERROR}
     * finding under that rule, at its offset.
     *
     * @param why the error that made the candidate unusable; its rule, offset and detail make the finding
     * @throws IllegalStateException outside {@link ParseMode#RECOVER}, where nothing is skipped
     */
    public void rejected(MicrocodeFormatException why) {
        requireRecover();
        findings.add(new Finding(Severity.ERROR, why.rule().code(), why.source(), why.offset(),
                "skipped: " + why.rule().rule() + inParentheses(why.detail())));
    }

    /**
     * Recover mode: {@code length} bytes from {@code offset} hold no usable patch and were skipped. One
     * {@link InputRule#SKIPPED_BYTES} warning at {@code offset}, naming the rule that made the first of them skip.
     *
     * @param why what was wrong where the skipped bytes begin
     * @param offset the offset of the first skipped byte
     * @param length how many bytes were skipped, 1 or more
     * @throws IllegalStateException outside {@link ParseMode#RECOVER}, where nothing is skipped
     */
    public void skipped(long offset, long length, MicrocodeFormatException why) {
        requireRecover();
        note(InputRule.SKIPPED_BYTES, offset, length + " byte(s) hold no usable patch; at 0x"
                + Long.toHexString(why.offset()) + ", " + why.rule().rule() + inParentheses(why.detail())
                + " [" + why.rule().code() + "]");
    }

    /**
     * A reporter for one candidate of a recover-mode scan, with this one's source and mode: its findings count only
     * when the candidate is kept ({@link #addAll}).
     *
     * @return a new reporter with no findings, for the same source and mode
     */
    public ParseReporter candidate() {
        return new ParseReporter(source, mode);
    }

    /**
     * Keeps the findings of {@code kept}, a candidate's reporter.
     *
     * @param kept the reporter of a candidate that is kept; not null
     */
    public void addAll(ParseReporter kept) {
        findings.addAll(kept.findings);
    }

    /**
     * Every finding kept so far, in order.
     *
     * @return a copy of the findings, in the order they were kept; empty when there are none
     */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    private boolean rejects(RuleKind kind) {
        return kind == RuleKind.ERROR || kind == RuleKind.STRICT_ONLY && mode == ParseMode.STRICT;
    }

    private void requireRecover() {
        if (mode != ParseMode.RECOVER) {
            throw new IllegalStateException("only a recover-mode parse skips bytes; this one is " + mode);
        }
    }

    private static String inParentheses(String detail) {
        return detail.isEmpty() ? "" : " (" + detail + ")";
    }
}
