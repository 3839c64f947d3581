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
 * The driver objects to late-loading a CPU an early-only rule covers, or a patch its packager put in an
 * {@code ff-mm-ss.initramfs} file, with the rule, its source and the way out; before it looks at min_req_ver.
 */
class EarlyOnlyObjectionTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();
    private static final String WAY_OUT = " at boot through the early initramfs (ucode write-early-cpio)";

    @Test
    void aCpuARuleCoversDrawsAnObjectionToTheCpuNamingTheRuleAndItsSource() {
        LoadObjection objection = OPS.lateLoadObjection(patch(0x906ea, 0xfa, 0, "intel-ucode/06-9e-0a"), cpu(0x906ea, 0xb4)).orElseThrow();

        assertThat(objection.kind()).isEqualTo(VerdictKind.EARLY_ONLY);
        assertThat(objection.scope()).isEqualTo(LoadObjection.Scope.CPU);
        assertThat(objection.reason()).isEqualTo("06-9e-0a (0x906ea) must not be late-loaded: Debian intel-microcode 3.20200609.2 "
                + "(2020-06-11) marks models 0x8e and 0x9e early-only (LP#1883002: a late load hangs 0x806ec); load patch 0xfa" + WAY_OUT);
    }

    @Test
    void aRuleWithARevisionBoundSaysWhatTheCpuRuns() {
        LoadObjection objection = OPS.lateLoadObjection(patch(0x406f1, 0x0b000040, 0, "f"), cpu(0x406f1, 0x0b000014)).orElseThrow();

        assertThat(objection.reason()).startsWith("06-4f-01 (0x406f1) must not be late-loaded: Linux's Intel loader")
                .endsWith("; this CPU runs 0xb000014; load patch 0xb000040" + WAY_OUT);
    }

    @Test
    void aPatchFromAnInitramfsFileIsEarlyOnlyForTheCpuItsNameGives() {
        LoadObjection objection = OPS.lateLoadObjection(patch(0x50654, 0x2007006, 0, "lib/firmware/intel-ucode/06-55-04.initramfs"),
                cpu(0x50654, 0x2006e05)).orElseThrow();

        assertThat(objection.kind()).isEqualTo(VerdictKind.EARLY_ONLY);
        assertThat(objection.scope()).isEqualTo(LoadObjection.Scope.CPU);
        assertThat(objection.reason()).isEqualTo("06-55-04 (0x50654) must not be late-loaded: patch 0x2007006 was read from "
                + "06-55-04.initramfs, a name Debian's intel-microcode gives the firmware it keeps from Linux's late loader "
                + "(which asks for intel-ucode/ff-mm-ss); load patch 0x2007006" + WAY_OUT);
        assertThat(OPS.lateLoadObjection(patch(0x50654, 0x2007006, 0, "lib/firmware/intel-ucode/06-55-04"), cpu(0x50654, 0x2006e05))).isEmpty();
    }

    @Test
    void anInitramfsFileNamedForAnotherCpuDoesNotMarkThisOne() {
        assertThat(OPS.lateLoadObjection(patch(0x50654, 0x2007006, 0, "intel-ucode/06-55-05.initramfs"), cpu(0x50654, 0x2006e05))).isEmpty();
        assertThat(OPS.lateLoadObjection(patch(0x50654, 0x2007006, 0, "extra.initramfs"), cpu(0x50654, 0x2006e05)))
                .as("a name that gives no CPU marks the patch for every CPU it fits").isPresent();
    }

    @Test
    void earlyOnlyComesBeforeTheMinimumRevision() {
        Optional<LoadObjection> objection = OPS.lateLoadObjection(patch(0x806ec, 0x100, 0xea, "f"), cpu(0x806ec, 0x10));

        assertThat(objection).get().extracting(LoadObjection::kind).isEqualTo(VerdictKind.EARLY_ONLY);
    }

    private static CpuState cpu(int signature, int revision) {
        return CpuState.of(Vendor.INTEL, CpuSignature.of(signature), PlatformFlags.ofPlatformId(1), Revision.of(revision));
    }

    private static MicrocodePatch patch(int signature, int revision, int minimum, String source) {
        return IntelPatchBuilder.patch().signature(signature).platformFlags(0xff).revision(revision).minimumRevision(minimum)
                .buildPatch(source);
    }
}
