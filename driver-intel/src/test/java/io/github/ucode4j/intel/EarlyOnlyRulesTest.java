package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Revision;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The built-in early-only rules: a listed signature whatever it runs, every stepping of a listed model, a revision
 * bound where the source gives one, nothing for other CPUs; and on Debian's files, the same CPUs its packager marks.
 */
class EarlyOnlyRulesTest {
    private static final EarlyOnlyRules RULES = EarlyOnlyRules.builtIn();

    @Test
    void aListedSignatureIsEarlyOnlyWhateverItRuns() {
        EarlyOnlyRule skylake = rule(0x406e3, Optional.of(Revision.of(0xf0)));
        assertThat(skylake.source()).isEqualTo("Debian intel-microcode 3.20220207.1 (2022-02-25)");
        assertThat(skylake.why()).startsWith("marks 0x406e3 and 0x506e3 (Skylake) early-only");
        assertThat(rule(0x506e3, Optional.of(Revision.of(0x7f)))).isEqualTo(skylake);
        assertThat(rule(0x406e3, Optional.empty())).isEqualTo(skylake);
    }

    @Test
    void aListedModelCoversEveryStepping() {
        EarlyOnlyRule models = rule(0x806ec, Optional.of(Revision.of(0xf0)));
        assertThat(models.source()).isEqualTo("Debian intel-microcode 3.20200609.2 (2020-06-11)");
        assertThat(models.why()).isEqualTo("marks models 0x8e and 0x9e early-only (LP#1883002: a late load hangs 0x806ec)");
        assertThat(rule(0x906ea, Optional.of(Revision.of(0xb4)))).isEqualTo(models);
        assertThat(rule(0x906ef, Optional.of(Revision.of(1)))).as("a stepping Debian has no file for").isEqualTo(models);
    }

    @Test
    void aRevisionBoundHoldsOnlyBelowItAndWhenTheRevisionIsUnknown() {
        EarlyOnlyRule bdx90 = rule(0x406f1, Optional.of(Revision.of(0x0b000020)));
        assertThat(bdx90.runningBelow()).contains(Revision.of(0x0b000021));
        assertThat(bdx90.source()).startsWith("Linux's Intel loader");
        assertThat(rule(0x406f1, Optional.empty())).isEqualTo(bdx90);
        assertThat(rule(0x406f1, Optional.of(Revision.of(0x0b000021))).source())
                .as("at the bound, Debian's rule for Broadwell still holds").isEqualTo("Debian intel-microcode 3.20151106.1 (2015-11-09)");
    }

    @Test
    void otherCpusAreNotCovered() {
        assertThat(RULES.ruleFor(CpuSignature.of(0x50654), Optional.of(Revision.of(1)))).isEmpty();
        assertThat(RULES.ruleFor(CpuSignature.of(0x50663), Optional.of(Revision.of(1)))).as("06-56-03, not 06-56-02").isEmpty();
        assertThat(RULES.ruleFor(CpuSignature.of(0x806c1), Optional.empty())).isEmpty();
    }

    @Test
    void theRulesCoverEveryCpuDebianMarksAndNoOtherOfItsFiles() {
        for (Path file : IntelCorpus.files()) {
            String name = file.getFileName().toString();
            CpuSignature signature = signatureOf(name.replace(".initramfs", ""));
            assertThat(RULES.ruleFor(signature, Optional.empty())).as(name).matches(rule -> rule.isPresent() == name.endsWith(".initramfs"));
        }
    }

    @Test
    void aRuleLineThatBreaksTheFormatIsRejectedNamingTheLine() {
        assertThat(EarlyOnlyRules.parse(List.of("# comment", "", "06-9e 06-4e-03 | below 0x10 | a source | says so"), "rules.txt")
                .ruleFor(CpuSignature.of(0x406e3), Optional.of(Revision.of(0xf)))).get().extracting(EarlyOnlyRule::why).isEqualTo("says so");
        assertThatThrownBy(() -> EarlyOnlyRules.parse(List.of("06-9e | any | a source"), "rules.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rules.txt line 1").hasMessageContaining("four fields");
        assertThatThrownBy(() -> EarlyOnlyRules.parse(List.of("", "06-9e | sometimes | a source | says so"), "rules.txt"))
                .hasMessageContaining("rules.txt line 2").hasMessageContaining("'any' or 'below 0x");
        assertThatThrownBy(() -> EarlyOnlyRules.parse(List.of("6-9E-0A | any | a source | says so"), "rules.txt"))
                .hasMessageContaining("rules.txt line 1").hasMessageContaining("6-9E-0A");
    }

    private static EarlyOnlyRule rule(int signature, Optional<Revision> running) {
        return RULES.ruleFor(CpuSignature.of(signature), running).orElseThrow();
    }

    private static CpuSignature signatureOf(String familyModelStepping) {
        String[] fields = familyModelStepping.split("-");
        return CpuSignature.fromDisplay(Integer.parseInt(fields[0], 16), Integer.parseInt(fields[1], 16), Integer.parseInt(fields[2], 16));
    }
}
