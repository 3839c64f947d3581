package io.github.ucode4j.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.RuleKind;
import io.github.ucode4j.api.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one decision of what a broken rule does, by its kind and the mode, as {@link ParseMode} states it. */
class ParseReporterTest {

    /** One rule of each kind. */
    private enum Rule implements FormatRule {
        LOADERS(RuleKind.ERROR), STRICT(RuleKind.STRICT_ONLY), SUSPICIOUS(RuleKind.WARNING), NOTE(RuleKind.INFO);

        private final RuleKind kind;

        Rule(RuleKind kind) {
            this.kind = kind;
        }

        @Override
        public String code() {
            return "TEST_" + name();
        }

        @Override
        public String rule() {
            return "the " + name().toLowerCase() + " rule";
        }

        @Override
        public RuleKind kind() {
            return kind;
        }
    }

    @ParameterizedTest
    @EnumSource(ParseMode.class)
    void aRuleTheLoadersEnforceIsRejectedInEveryMode(ParseMode mode) {
        MicrocodeFormatException e = catchThrowableOfType(MicrocodeFormatException.class,
                () -> new ParseReporter("in", mode).broken(Rule.LOADERS, 0x10, "x 1"));
        assertThat(e.rule()).isEqualTo(Rule.LOADERS);
        assertThat(e.getMessage()).isEqualTo("in@0x10: the loaders rule (x 1) [TEST_LOADERS]");
    }

    @Test
    void aStrictOnlyRuleIsRejectedInStrictModeOnly() throws MicrocodeFormatException {
        assertThatThrownBy(() -> new ParseReporter("in", ParseMode.STRICT).broken(Rule.STRICT, 4, ""))
                .isInstanceOf(MicrocodeFormatException.class);
        for (ParseMode mode : new ParseMode[] {ParseMode.LENIENT, ParseMode.RECOVER}) {
            ParseReporter report = new ParseReporter("in", mode);
            report.broken(Rule.STRICT, 4, "y 2");
            assertThat(report.findings()).containsExactly(
                    new Finding(Severity.ERROR, "TEST_STRICT", "in", 4, "the strict rule (y 2)"));
        }
    }

    @ParameterizedTest
    @EnumSource(ParseMode.class)
    void warningsAndInformationAreFindingsInEveryMode(ParseMode mode) throws MicrocodeFormatException {
        ParseReporter report = new ParseReporter("in", mode);
        report.broken(Rule.SUSPICIOUS, 8, "");
        report.note(Rule.NOTE, -1, "worth knowing");
        assertThat(report.findings()).containsExactly(
                new Finding(Severity.WARNING, "TEST_SUSPICIOUS", "in", 8, "the suspicious rule"),
                new Finding(Severity.INFO, "TEST_NOTE", "in", -1, "worth knowing"));
    }

    @Test
    void onlyARuleEveryModeRejectsMakesAnErrorToThrow() {
        ParseReporter report = new ParseReporter("in", ParseMode.STRICT);
        assertThat(report.error(Rule.LOADERS, 0, "").rule()).isEqualTo(Rule.LOADERS);
        assertThatThrownBy(() -> report.error(Rule.STRICT, 0, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> report.note(Rule.STRICT, 0, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recoverModeReportsASkippedCandidateUnderItsRuleAndTheSkippedBytesNamingIt() {
        ParseReporter report = new ParseReporter("image", ParseMode.RECOVER);
        MicrocodeFormatException why = report.error(Rule.LOADERS, 0x17, "sum is 0x1");
        report.rejected(why);
        report.skipped(0, 1031, why);
        assertThat(report.findings()).containsExactly(
                new Finding(Severity.ERROR, "TEST_LOADERS", "image", 0x17, "skipped: the loaders rule (sum is 0x1)"),
                new Finding(Severity.WARNING, InputRule.SKIPPED_BYTES.code(), "image", 0,
                        "1031 byte(s) hold no usable patch; at 0x17, the loaders rule (sum is 0x1) [TEST_LOADERS]"));
    }

    @ParameterizedTest
    @EnumSource(value = ParseMode.class, names = {"STRICT", "LENIENT"})
    void onlyRecoverModeSkips(ParseMode mode) {
        ParseReporter report = new ParseReporter("in", mode);
        MicrocodeFormatException why = report.error(Rule.LOADERS, 0, "");
        assertThatThrownBy(() -> report.rejected(why)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> report.skipped(0, 1, why)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCandidatesFindingsCountOnlyWhenItIsKept() throws MicrocodeFormatException {
        ParseReporter report = new ParseReporter("in", ParseMode.RECOVER);
        ParseReporter dropped = report.candidate();
        dropped.broken(Rule.STRICT, 1, "");
        ParseReporter kept = report.candidate();
        kept.broken(Rule.STRICT, 2, "");
        report.addAll(kept);
        assertThat(report.findings()).extracting(Finding::offset).containsExactly(2L);
    }
}
