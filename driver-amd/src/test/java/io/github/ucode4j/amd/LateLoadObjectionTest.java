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
import io.github.ucode4j.testing.Corpus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The vendor rules the planner asks about before a late load, and the files the writers get. */
class LateLoadObjectionTest {
    private static final AmdMicrocodeOps AMD = new AmdMicrocodeOps();
    private static final CpuSignature MILAN = CpuSignature.of(0x00a00f11);

    private static CpuState running(CpuSignature signature, int revision) {
        return CpuState.of(Vendor.AMD, signature, PlatformFlags.NONE, Revision.of(revision));
    }

    private static MicrocodePatch synthetic(CpuSignature cpu, int revision, int minimum) throws MicrocodeFormatException {
        return Parsing.parse(AmdPatchBuilder.forCpu(cpu).revision(revision).patchDataChecksum(minimum).build().container()).patches().get(0);
    }

    @Test
    void aPatchFromDebianOnItsAllowListLoads() throws Exception {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(Corpus.amdFirmware().resolve("microcode_amd_fam19h.bin")));
        MicrocodePatch milan = AMD.parse(file, "fam19h").patches().stream()
                .filter(p -> AMD.match(p, running(MILAN, 0x0a001143)).matches()).findFirst().orElseThrow();
        assertThat(AMD.lateLoadObjection(milan, running(MILAN, 0x0a001143))).isEmpty();
    }

    @Test
    void aPatchWhoseDigestIsNotKnownIsRefusedWhereTheCheckApplies() throws Exception {
        Optional<LoadObjection> objection = AMD.lateLoadObjection(synthetic(MILAN, 0x0a0011d6, 0), running(MILAN, 0x0a001143));
        assertThat(objection).hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(VerdictKind.DIGEST_UNKNOWN));
    }

    @Test
    void noUpdateIsProposedAtAFinalPatchLevel() throws Exception {
        CpuSignature family10 = CpuSignature.of(0x00100f22);
        Optional<LoadObjection> objection = AMD.lateLoadObjection(synthetic(family10, 0x010000bf, 0), running(family10, 0x010000af));
        assertThat(objection).hasValueSatisfying(o -> {
            assertThat(o.kind()).isEqualTo(VerdictKind.FINAL_LEVEL);
            assertThat(o.reason()).startsWith("the CPU runs final patch level 0x10000af");
        });
    }

    @Test
    void aDeclaredMinimumRevisionAboveTheRunningOneIsUnsafe() throws Exception {
        // Above the Entrysign cutoff the CPU checks signatures itself, so only the declared minimum can object.
        MicrocodePatch patch = synthetic(MILAN, 0x0a0011e0, 0x0a0011dc);
        assertThat(patch.minimumRevision()).contains(Revision.of(0x0a0011dc));
        assertThat(AMD.lateLoadObjection(patch, running(MILAN, 0x0a0011db)))
                .hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(VerdictKind.UNSAFE_LATE_LOAD));
        assertThat(AMD.lateLoadObjection(patch, running(MILAN, 0x0a0011dc))).isEmpty();
    }

    @Test
    void aFirmwareFileIsOneContainerThatParsesBackToThePatches() throws Exception {
        List<MicrocodePatch> patches = List.of(synthetic(CpuSignature.of(0x00600f20), 0x06000852, 0),
                synthetic(CpuSignature.of(0x00600f12), 0x0600063e, 0));
        ByteBuffer file = AMD.firmwareFile(patches);
        List<MicrocodePatch> back = AMD.parse(file, "merged").patches();
        assertThat(back).hasSize(2);
        assertThat(back.get(0).sameBytes(patches.get(0))).isTrue();
        assertThat(back.get(1).sameBytes(patches.get(1))).isTrue();
    }
}
