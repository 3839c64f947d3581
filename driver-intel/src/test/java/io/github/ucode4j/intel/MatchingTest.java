package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MatchStatus;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Matching a patch to a CPU: signature (header or extended entry) and platform flags, with reasons. */
class MatchingTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();
    private static final MicrocodePatch PATCH = IntelPatchBuilder.patch().signature(0x906ea).platformFlags(0x12)
            .extendedSignature(0x906ea, 0x12).extendedSignature(0x906eb, 0x01).buildPatch("p");

    @Test
    void theHeaderSignatureWithAnIntersectingPlatformMatches() {
        Match match = OPS.match(PATCH, cpu(0x906ea, PlatformFlags.ofPlatformId(1)));
        assertThat(match.status()).isEqualTo(MatchStatus.MATCH);
        assertThat(match.target()).contains(new PatchTarget(CpuSignature.of(0x906ea), PlatformFlags.of(0x12)));
        assertThat(match.reason()).contains("(header)", "pf_mask 0x12 includes the CPU's platform 0x02");
    }

    @Test
    void anExtendedSignatureMatches() {
        Match match = OPS.match(PATCH, cpu(0x906eb, PlatformFlags.ofPlatformId(0)));
        assertThat(match.matches()).isTrue();
        assertThat(match.target()).contains(new PatchTarget(CpuSignature.of(0x906eb), PlatformFlags.of(0x01)));
        assertThat(match.reason()).contains("extended signature table");
    }

    @Test
    void aPlatformOutsideTheMaskDoesNotMatchAndSaysWhy() {
        Match match = OPS.match(PATCH, cpu(0x906ea, PlatformFlags.ofPlatformId(0)));
        assertThat(match.status()).isEqualTo(MatchStatus.PLATFORM_MISMATCH);
        assertThat(match.reason()).contains("pf_mask 0x12 does not include the CPU's platform 0x01");
    }

    @Test
    void anotherSignatureDoesNotMatch() {
        Match match = OPS.match(PATCH, cpu(0x906ec, PlatformFlags.ofPlatformId(1)));
        assertThat(match.status()).isEqualTo(MatchStatus.SIGNATURE_MISMATCH);
        assertThat(match.reason()).contains("0x000906ea, 0x000906eb", "the CPU's 0x000906ec");
    }

    @Test
    void bothMasksZeroMatchButAZeroMaskDoesNotFitAPlatform() {
        MicrocodePatch old = IntelPatchBuilder.patch().signature(0x634).platformFlags(0).buildPatch("old");
        Match match = OPS.match(old, cpu(0x634, PlatformFlags.NONE));
        assertThat(match.matches()).isTrue();
        assertThat(match.reason()).contains("both pf_mask and the CPU's platform flags are 0x00");
        assertThat(OPS.match(old, cpu(0x634, PlatformFlags.ofPlatformId(0))).status())
                .isEqualTo(MatchStatus.PLATFORM_MISMATCH);
        assertThat(OPS.match(PATCH, cpu(0x906ea, PlatformFlags.NONE)).status()).isEqualTo(MatchStatus.PLATFORM_MISMATCH);
    }

    @Test
    void unknownPlatformFlagsAreSaidSoUnlessTheMaskCoversEveryPlatform() {
        CpuState unknownPlatform = new CpuState(Optional.of(Vendor.INTEL), Optional.of(CpuSignature.of(0x906ea)),
                Optional.empty(), Optional.empty());
        Match match = OPS.match(PATCH, unknownPlatform);
        assertThat(match.status()).isEqualTo(MatchStatus.PLATFORM_UNKNOWN);
        assertThat(match.reason()).contains("unknown", "pf_mask 0x12");

        MicrocodePatch everywhere = IntelPatchBuilder.patch().signature(0x906ea).platformFlags(0xff).buildPatch("all");
        assertThat(OPS.match(everywhere, unknownPlatform).matches()).isTrue();
    }

    @Test
    void unknownOrOtherVendorsAndUnknownSignaturesDoNotMatch() {
        assertThat(OPS.match(PATCH, CpuState.UNKNOWN).status()).isEqualTo(MatchStatus.VENDOR_MISMATCH);
        assertThat(OPS.match(PATCH, CpuState.of(Vendor.AMD, CpuSignature.of(0x906ea), PlatformFlags.NONE,
                Revision.of(1))).reason()).contains("AuthenticAMD");
        CpuState noSignature = new CpuState(Optional.of(Vendor.INTEL), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(OPS.match(PATCH, noSignature).status()).isEqualTo(MatchStatus.SIGNATURE_UNKNOWN);
    }

    private static CpuState cpu(int signature, PlatformFlags platform) {
        return CpuState.of(Vendor.INTEL, CpuSignature.of(signature), platform, Revision.of(1));
    }
}
