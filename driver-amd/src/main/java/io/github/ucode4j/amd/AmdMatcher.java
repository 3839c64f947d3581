package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MatchStatus;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Vendor;
import java.util.Optional;

/**
 * Decides whether an AMD patch fits a CPU, as the loaders do: the patch's family must be the CPU's; before family
 * 0x17 the equivalence table (the container's, or for a raw patch AMD's published one) must map the CPU to the
 * patch's {@code processor_rev_id}; from 0x17 on
 * the CPUID encoded in {@code patch_id} must equal the CPU's. The running revision is not considered.
 */
public final class AmdMatcher {
    private AmdMatcher() {
    }

    /**
     * Whether {@code patch} fits {@code cpu}, with the reason.
     *
     * @param patch the patch; a patch that is not AMD's does not fit
     * @param cpu the CPU as read, some of its facts possibly unknown
     * @return the match status and its reason in words: a mismatch when the vendor differs or the CPU's signature
     *     is unknown
     */
    public static Match match(MicrocodePatch patch, CpuState cpu) {
        if (!(patch.details() instanceof AmdPatchDetails details)) {
            return Match.mismatch(MatchStatus.VENDOR_MISMATCH, "the patch is not an AMD patch");
        }
        Optional<Vendor> vendor = cpu.vendor();
        if (vendor.isEmpty() || vendor.get() != Vendor.AMD) {
            return Match.mismatch(MatchStatus.VENDOR_MISMATCH,
                    "the CPU's vendor is " + vendor.map(Vendor::cpuidName).orElse("unknown") + ", not AuthenticAMD");
        }
        if (cpu.signature().isEmpty()) {
            return Match.mismatch(MatchStatus.SIGNATURE_UNKNOWN, "the CPU's signature is unknown");
        }
        CpuSignature signature = cpu.signature().get();
        AmdPatchHeader header = details.header();
        if (header.family() != signature.family()) {
            return Match.mismatch(MatchStatus.FAMILY_MISMATCH, String.format(
                    "the patch is for family 0x%x (processor_rev_id 0x%04x), the CPU is family 0x%x",
                    header.family(), header.processorRevId(), signature.family()));
        }
        return header.isZen() ? byPatchId(header, signature) : byEquivalenceTable(details, signature);
    }

    private static Match byPatchId(AmdPatchHeader header, CpuSignature signature) {
        CpuSignature encoded = header.encodedSignature();
        String stated = String.format("patch_id 0x%08x encodes CPUID %s", header.patchId(), encoded.hex());
        if (!encoded.equals(signature)) {
            return Match.mismatch(MatchStatus.SIGNATURE_MISMATCH, stated + ", the CPU's is " + signature.hex());
        }
        return Match.matched(new PatchTarget(signature, PlatformFlags.NONE), stated + ", the CPU's");
    }

    private static Match byEquivalenceTable(AmdPatchDetails details, CpuSignature signature) {
        String id = String.format("0x%04x", details.equivalenceId());
        if (!details.installedCpus().contains(signature)) {
            return Match.mismatch(MatchStatus.NO_EQUIVALENCE_ENTRY, "the equivalence table maps "
                    + details.installedCpus().stream().map(CpuSignature::hex).toList() + " to the patch's id " + id
                    + ", not the CPU's " + signature.hex());
        }
        return Match.matched(new PatchTarget(signature, PlatformFlags.NONE),
                "the equivalence table maps CPU " + signature.hex() + " to " + id
                        + ", the patch's processor_rev_id");
    }
}
