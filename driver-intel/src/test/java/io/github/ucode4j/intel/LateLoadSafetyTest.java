package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.VerdictKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The late-load verdicts from min_req_ver: safe only when it is set and the running revision reaches it; an
 * objection only where Linux refuses (a minimum above the running revision) or nothing can be decided.
 */
class LateLoadSafetyTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();

    @Test
    void withoutAMinimumALateLoadIsNotShownSafe() {
        LateLoadSafety verdict = OPS.lateLoadSafety(patch(0), Revision.of(0x100));
        assertThat(verdict.safe()).isFalse();
        assertThat(verdict.reason()).contains("min_req_ver 0");
    }

    @Test
    void aRunningRevisionAtOrAboveTheMinimumIsSafe() {
        assertThat(OPS.lateLoadSafety(patch(0x2b000161), Revision.of(0x2b000161)).safe()).isTrue();
        LateLoadSafety above = OPS.lateLoadSafety(patch(0x2b000161), Revision.of(0x2b000603));
        assertThat(above.safe()).isTrue();
        assertThat(above.reason()).contains("0x2b000603", "at least min_req_ver 0x2b000161");
    }

    @Test
    void aRunningRevisionBelowTheMinimumIsUnsafeAndSaysWhatToDo() {
        LateLoadSafety verdict = OPS.lateLoadSafety(patch(0x2b000161), Revision.of(0x2b000160));
        assertThat(verdict.safe()).isFalse();
        assertThat(verdict.reason()).contains("below min_req_ver 0x2b000161", "early");
    }

    @Test
    void theMinimumComparesUnsignedOnBothSidesOfBit31() {
        assertThat(OPS.lateLoadSafety(patch(0x7fffffff), Revision.of(0x80000000)).safe()).isTrue();
        assertThat(OPS.lateLoadSafety(patch(0x80000000), Revision.of(0x7fffffff)).safe()).isFalse();
    }

    @Test
    void linuxRefusesALateLoadBelowTheMinimumSoTheDriverObjects() {
        Optional<LoadObjection> below = OPS.lateLoadObjection(patch(0x2b000161), cpu(Optional.of(Revision.of(0x2b000100))));
        assertThat(below).get().extracting(LoadObjection::kind).isEqualTo(VerdictKind.UNSAFE_LATE_LOAD);
        assertThat(below.get().reason()).contains("0x2c000410", "below min_req_ver 0x2b000161");
        assertThat(OPS.lateLoadObjection(patch(0x2b000161), cpu(Optional.of(Revision.of(0x2b000161))))).isEmpty();
    }

    @Test
    void withoutAMinimumLinuxLoadsSoThereIsNoObjectionEvenThoughSafetyIsUnproven() {
        assertThat(OPS.lateLoadObjection(patch(0), cpu(Optional.of(Revision.of(1))))).isEmpty();
        assertThat(OPS.lateLoadObjection(patch(0), cpu(Optional.empty()))).isEmpty();
    }

    @Test
    void aMinimumWithAnUnknownRunningRevisionCannotBeDecided() {
        assertThat(OPS.lateLoadObjection(patch(0x10), cpu(Optional.empty()))).get()
                .extracting(LoadObjection::kind).isEqualTo(VerdictKind.REVISION_UNKNOWN);
    }

    private static CpuState cpu(Optional<Revision> revision) {
        return new CpuState(Optional.of(Vendor.INTEL), Optional.of(CpuSignature.of(0x50654)),
                Optional.of(PlatformFlags.ofPlatformId(0)), revision);
    }

    private static MicrocodePatch patch(int minimum) {
        return IntelPatchBuilder.patch().revision(0x2c000410).minimumRevision(minimum).buildPatch("p");
    }
}
