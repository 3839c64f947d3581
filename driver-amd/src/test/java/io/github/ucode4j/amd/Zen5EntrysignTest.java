package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.VerdictKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Family 0x1a models 0x70 to 0x7f (Zen 5, Strix Halo) have the Entrysign flaw, as Linux 6.12.64 knows: model 0x70
 * stepping 0 has the cutoff 0x0b700031, and each CPU takes the patch on its own side of it.
 */
class Zen5EntrysignTest {
    private static final CpuSignature STRIX_HALO = CpuSignature.fromDisplay(0x1a, 0x70, 0);
    private static final Revision CUTOFF = Revision.of(0x0b700031);
    private static final Revision BEFORE_FIX = CUTOFF;
    private static final Revision AFTER_FIX = Revision.of(0x0b700037);
    private static List<MicrocodePatch> bothPatches;
    private static DigestChecker knowingTheBeforeFixPatch;

    @BeforeAll
    static void container() throws MicrocodeFormatException {
        SyntheticPatch afterFix = AmdPatchBuilder.forCpu(STRIX_HALO).revision(AFTER_FIX).patchDataChecksum(0x0b700032).build();
        SyntheticPatch beforeFix = AmdPatchBuilder.forCpu(STRIX_HALO).revision(BEFORE_FIX).build();
        bothPatches = Parsing.parse(SyntheticPatch.container(List.of(afterFix, beforeFix), TableEnd.LENGTH_ONLY)).patches();
        knowingTheBeforeFixPatch = new DigestChecker(DigestAllowList.of(Map.of(BEFORE_FIX, bothPatches.get(1).sha256())),
                EntrysignCutoffs.builtIn());
    }

    private static CpuState running(CpuSignature cpu, int revision) {
        return CpuState.of(Vendor.AMD, cpu, PlatformFlags.NONE, Revision.of(revision));
    }

    private static Optional<Revision> pickFor(int revision) {
        return EntrysignSelection.select(bothPatches, running(STRIX_HALO, revision), knowingTheBeforeFixPatch)
                .map(MicrocodePatch::revision);
    }

    @Test
    void models0x70To0x7fHaveTheFlaw() {
        for (int model = 0x70; model <= 0x7f; model++) {
            assertThat(EntrysignCpus.affected(CpuSignature.fromDisplay(0x1a, model, 0))).as("model 0x%x", model).isTrue();
        }
        assertThat(DigestChecker.builtIn().cutoffFor(STRIX_HALO, Revision.of(0x0b700030))).contains(CUTOFF);
    }

    @Test
    void atOrBelowTheCutoffTheCpuTakesThePatchBeforeTheFixAndItsDigestIsChecked() {
        assertThat(pickFor(0x0b700030)).contains(BEFORE_FIX);
        assertThat(pickFor(0x0b700031)).contains(BEFORE_FIX);
        CpuState below = running(STRIX_HALO, 0x0b700030);
        assertThat(knowingTheBeforeFixPatch.check(bothPatches.get(1), below).verdict()).isEqualTo(DigestVerdict.ALLOWED);
        assertThat(EntrysignSelection.otherSideOfCutoff(bothPatches.get(0), below, knowingTheBeforeFixPatch))
                .hasValueSatisfying(reason -> assertThat(reason).contains("0xb700037", "already", "0xb700031"));
    }

    @Test
    void aboveTheCutoffTheCpuTakesThePatchAfterTheFixWithoutDigestCheck() {
        assertThat(pickFor(0x0b700032)).contains(AFTER_FIX);
        CpuState above = running(STRIX_HALO, 0x0b700032);
        assertThat(DigestChecker.builtIn().check(bothPatches.get(0), above).verdict()).isEqualTo(DigestVerdict.NOT_REQUIRED);
        assertThat(EntrysignSelection.otherSideOfCutoff(bothPatches.get(1), above, DigestChecker.builtIn()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not yet"));
    }

    @Test
    void theDriverObjectsToLoadingThePatchAfterTheFixBelowTheCutoff() {
        Optional<LoadObjection> objection = new AmdMicrocodeOps().lateLoadObjection(bothPatches.get(0),
                running(STRIX_HALO, 0x0b700030));
        assertThat(objection).hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(VerdictKind.DIGEST_UNKNOWN));
        assertThat(new AmdMicrocodeOps().lateLoadObjection(bothPatches.get(0), running(STRIX_HALO, 0x0b700032))).isEmpty();
    }

    @Test
    void aModelWithTheFlawButNoKnownCutoffIsAlwaysChecked() {
        CpuSignature model7f = CpuSignature.fromDisplay(0x1a, 0x7f, 0);
        Revision running = Revision.of(ZenPatchId.lowestRevision(model7f).value() | 0x40);
        assertThat(DigestChecker.builtIn().cutoffFor(model7f, running)).isEmpty();
        assertThat(DigestChecker.builtIn().required(model7f, running)).isTrue();
    }

    @Test
    void theSideOfTheCutoffFollowsTheCutoffListAloneAsLinuxSkipsPatches() throws MicrocodeFormatException {
        CpuSignature withoutTheFlaw = CpuSignature.fromDisplay(0x1a, 0x50, 0);
        DigestChecker listingIt = new DigestChecker(DigestAllowList.of(Map.of()),
                EntrysignCutoffs.of(List.of(Revision.of(0x0b500031))));
        MicrocodePatch afterFix = Parsing.parse(AmdPatchBuilder.forCpu(withoutTheFlaw).revision(0x0b500037).build().container())
                .patches().get(0);
        assertThat(EntrysignCpus.affected(withoutTheFlaw)).isFalse();
        assertThat(EntrysignSelection.otherSideOfCutoff(afterFix, running(withoutTheFlaw, 0x0b500030), listingIt)).isPresent();
    }
}
