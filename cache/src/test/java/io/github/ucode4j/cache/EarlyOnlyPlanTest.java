package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.Corpus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The planner with the real Intel driver never late-loads a CPU whose microcode must be loaded only early, for every
 * kind of early-only rule (a signature, a model, a revision bound, Debian's {@code .initramfs} name), on generated
 * patches and on Debian's own firmware directory; other CPUs still update.
 */
class EarlyOnlyPlanTest {
    private static final MicrocodeDrivers DRIVERS = MicrocodeDrivers.load();
    private static final MicrocodeOps INTEL = DRIVERS.forVendor(Vendor.INTEL).orElseThrow();
    private static final Planner PLANNER = new Planner(DRIVERS);
    private static final String FORCED = "; forcing does not change this: a forced late load is still a late load";

    @Test
    void everyKindOfRuleGivesEarlyOnlyWithItsReasonAndOtherCpusUpdate() throws Exception {
        MicrocodeCache cache = MicrocodeCache.builder()
                .add(generated("intel-ucode/06-4e-03", 0x406e3, 0xf0))
                .add(generated("intel-ucode/06-9e-0a", 0x906ea, 0xfa))
                .add(generated("intel-ucode/06-4f-01", 0x406f1, 0x0b000040))
                .add(generated("intel-ucode/06-55-07.initramfs", 0x50657, 0x5003707))
                .add(generated("intel-ucode/06-55-04", 0x50654, 0x2007006))
                .build();
        Platform machine = machine(cpu(0x406e3, 0xc2), cpu(0x906ea, 0xb4), cpu(0x406f1, 0x0b000014), cpu(0x50657, 0x5003604),
                cpu(0x50654, 0x2006e05));

        LoadPlan plan = PLANNER.plan(machine, cache, PlanPolicy.SAFE);

        assertThat(plan.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.EARLY_ONLY, VerdictKind.EARLY_ONLY,
                VerdictKind.EARLY_ONLY, VerdictKind.EARLY_ONLY, VerdictKind.UPDATE);
        assertThat(plan.verdict(0).orElseThrow().reason()).startsWith("06-4e-03 (0x406e3) must not be late-loaded: "
                + "Debian intel-microcode 3.20220207.1 (2022-02-25) marks 0x406e3 and 0x506e3 (Skylake) early-only");
        assertThat(plan.verdict(1).orElseThrow().reason()).isEqualTo("06-9e-0a (0x906ea) must not be late-loaded: "
                + "Debian intel-microcode 3.20200609.2 (2020-06-11) marks models 0x8e and 0x9e early-only (LP#1883002: a late "
                + "load hangs 0x806ec); load patch 0xfa at boot through the early initramfs (ucode write-early-cpio)" + FORCED);
        assertThat(plan.verdict(2).orElseThrow().reason()).contains("Linux's Intel loader", "this CPU runs 0xb000014");
        assertThat(plan.verdict(3).orElseThrow().reason()).contains("patch 0x5003707 was read from 06-55-07.initramfs");
        assertThat(plan.verdict(0).orElseThrow().patch().orElseThrow().revision()).isEqualTo(Revision.of(0xf0));
        assertThat(plan.loads()).containsOnlyKeys(4);
    }

    @Test
    void noOlderPatchIsLateLoadedInstead() throws Exception {
        MicrocodeCache cache = MicrocodeCache.builder().add(generated("old/06-9e-0a", 0x906ea, 0xd6))
                .add(generated("new/06-9e-0a", 0x906ea, 0xfa)).build();

        Verdict verdict = PLANNER.plan(machine(cpu(0x906ea, 0xb4)), cache, PlanPolicy.SAFE).verdicts().get(0);

        assertThat(verdict.kind()).isEqualTo(VerdictKind.EARLY_ONLY);
        assertThat(verdict.patch().orElseThrow().revision()).isEqualTo(Revision.of(0xfa));
    }

    @Test
    void forcingDoesNotOverrideIt() throws Exception {
        MicrocodeCache cache = MicrocodeCache.builder().add(generated("intel-ucode/06-9e-0a", 0x906ea, 0xfa)).build();
        PlanPolicy force = new PlanPolicy(true, false);

        LoadPlan update = PLANNER.plan(machine(cpu(0x906ea, 0xb4)), cache, force);
        LoadPlan reload = PLANNER.plan(machine(cpu(0x906ea, 0xfa)), cache, force);

        assertThat(update.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.EARLY_ONLY);
        assertThat(reload.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.EARLY_ONLY);
        assertThat(reload.verdicts().get(0).reason()).endsWith(FORCED);
        assertThat(update.loadsAnything() || reload.loadsAnything()).isFalse();
    }

    @Test
    void debiansFirmwareDirectoryLateLoadsNoneOfWhatItMarks() throws Exception {
        MicrocodeCache.Builder builder = MicrocodeCache.builder();
        try (Stream<Path> files = Files.list(Corpus.intelFirmware())) {
            for (Path file : files.sorted().toList()) {
                builder.add(INTEL.parse(ByteBuffer.wrap(Files.readAllBytes(file)), file.toString()));
            }
        }
        // Platform ids the patches' masks include: 0x406e3 and 0x806ec 7 (0x80), 0x906ea 1 (0x02), 0x50654 0 (0x01).
        Platform machine = machine(cpu(0x406e3, 7, 0xc2), cpu(0x806ec, 7, 0xf0), cpu(0x906ea, 1, 0xf0), cpu(0x50654, 0, 0x2006e05));

        LoadPlan plan = PLANNER.plan(machine, builder.build(), PlanPolicy.SAFE);

        assertThat(plan.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.EARLY_ONLY, VerdictKind.EARLY_ONLY,
                VerdictKind.EARLY_ONLY, VerdictKind.UPDATE);
        assertThat(plan.verdict(1).orElseThrow().reason()).startsWith("06-8e-0c (0x806ec) must not be late-loaded: Debian "
                + "intel-microcode 3.20200609.2").contains("load patch 0x100 at boot");
        assertThat(plan.verdict(3).orElseThrow().reason()).contains("intel-ucode/06-55-04@");
    }

    private static Bundle generated(String source, int signature, int revision) throws Exception {
        byte[] patch = IntelPatchBuilder.patch().signature(signature).platformFlags(0xff).revision(revision).build();
        return INTEL.parse(ByteBuffer.wrap(patch), source);
    }

    private static CpuState cpu(int signature, int revision) {
        return cpu(signature, 0, revision);
    }

    private static CpuState cpu(int signature, int platformId, int revision) {
        return CpuState.of(Vendor.INTEL, CpuSignature.of(signature), PlatformFlags.ofPlatformId(platformId), Revision.of(revision));
    }

    private static Platform machine(CpuState... states) {
        List<PlatformCpu> cpus = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            cpus.add(new PlatformCpu(LogicalCpu.alone(i, i, 0), states[i], Map.of(Fact.REVISION, "test")));
        }
        return new Platform("test", cpus, Optional.of(false), List.of());
    }
}
