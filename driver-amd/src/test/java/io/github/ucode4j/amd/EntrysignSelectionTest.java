package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A container with a before-the-fix and an after-the-fix patch for one CPU: each CPU gets the one on its side. */
class EntrysignSelectionTest {
    private static final CpuSignature ZEN3 = CpuSignature.of(0x00a00f10);
    private static List<MicrocodePatch> bothPatches;
    private static DigestChecker checker;

    @BeforeAll
    static void container() throws MicrocodeFormatException {
        SyntheticPatch beforeFix = AmdPatchBuilder.forCpu(ZEN3).revision(0x0a00107a).build();
        SyntheticPatch afterFix = AmdPatchBuilder.forCpu(ZEN3).revision(0x0a00107c).patchDataChecksum(0x0a00107a).build();
        bothPatches = Parsing.parse(SyntheticPatch.container(List.of(afterFix, beforeFix))).patches();
        checker = new DigestChecker(DigestAllowList.of(Map.of(Revision.of(0x0a00107a), bothPatches.get(1).sha256())),
                EntrysignCutoffs.of(List.of(Revision.of(0x0a00107a))));
    }

    private static Optional<Revision> pickFor(int running) {
        CpuState cpu = CpuState.of(Vendor.AMD, ZEN3, PlatformFlags.NONE, Revision.of(running));
        return EntrysignSelection.select(bothPatches, cpu, checker).map(MicrocodePatch::revision);
    }

    @Test
    void aCpuAtOrBelowTheCutoffGetsThePatchBeforeTheFix() {
        assertThat(pickFor(0x0a001078)).contains(Revision.of(0x0a00107a));
        assertThat(pickFor(0x0a00107a)).contains(Revision.of(0x0a00107a));
        assertThat(pickFor(0)).contains(Revision.of(0x0a00107a));
    }

    @Test
    void aCpuAboveTheCutoffGetsThePatchAfterTheFix() {
        assertThat(pickFor(0x0a00107b)).contains(Revision.of(0x0a00107c));
        assertThat(pickFor(0x0a00107c)).contains(Revision.of(0x0a00107c));
        assertThat(pickFor(0x0a00107d)).isEmpty();
    }

    @Test
    void thePickPassesTheDigestCheck() {
        for (int running : new int[] {0x0a001078, 0x0a00107b}) {
            CpuState cpu = CpuState.of(Vendor.AMD, ZEN3, PlatformFlags.NONE, Revision.of(running));
            MicrocodePatch pick = EntrysignSelection.select(bothPatches, cpu, checker).orElseThrow();
            assertThat(checker.check(pick, cpu).loads()).isTrue();
        }
    }

    @Test
    void theAfterFixPatchCarriesItsMinimumRevision() {
        assertThat(bothPatches.get(0).minimumRevision()).contains(Revision.of(0x0a00107a));
        assertThat(bothPatches.get(1).minimumRevision()).isEmpty();
    }

    @Test
    void withoutTheFlawTheNewestLoadablePatchWins() throws MicrocodeFormatException {
        CpuSignature family15 = CpuSignature.fromDisplay(0x15, 0x02, 0);
        List<MicrocodePatch> patches = Parsing.parse(SyntheticPatch.container(List.of(
                AmdPatchBuilder.forCpu(family15).revision(0x06000851).build(),
                AmdPatchBuilder.forCpu(family15).revision(0x06000852).build()))).patches();
        CpuState cpu = CpuState.of(Vendor.AMD, family15, PlatformFlags.NONE, Revision.of(0x06000800));
        assertThat(EntrysignSelection.select(patches, cpu, checker)).map(MicrocodePatch::revision)
                .contains(Revision.of(0x06000852));
    }

    @Test
    void thePatchOnTheOtherSideOfTheCutoffIsExplained() {
        CpuState belowCutoff = CpuState.of(Vendor.AMD, ZEN3, PlatformFlags.NONE, Revision.of(0x0a001078));
        assertThat(EntrysignSelection.otherSideOfCutoff(bothPatches.get(0), belowCutoff, checker))
                .contains("patch 0xa00107c is for CPUs already running AMD's Entrysign fix (cutoff 0xa00107a), and this CPU runs 0xa001078");
        assertThat(EntrysignSelection.otherSideOfCutoff(bothPatches.get(1), belowCutoff, checker)).isEmpty();
    }
}
