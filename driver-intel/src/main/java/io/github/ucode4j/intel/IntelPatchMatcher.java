package io.github.ucode4j.intel;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MatchStatus;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Vendor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Intel's matching rule, with the reason in words: a signature equal to the CPU's, and intersecting platforms. */
final class IntelPatchMatcher {
    private static final PlatformFlags EVERY_PLATFORM = PlatformFlags.of(0xff);

    private IntelPatchMatcher() {
    }

    static Match match(MicrocodePatch patch, CpuState cpu) {
        if (patch.vendor() != Vendor.INTEL) {
            return Match.mismatch(MatchStatus.VENDOR_MISMATCH, "the patch is for " + patch.vendor().cpuidName()
                    + ", not an Intel patch");
        }
        if (cpu.vendor().isEmpty()) {
            return Match.mismatch(MatchStatus.VENDOR_MISMATCH, "the CPU's vendor is unknown");
        }
        if (cpu.vendor().get() != Vendor.INTEL) {
            return Match.mismatch(MatchStatus.VENDOR_MISMATCH, "the CPU is " + cpu.vendor().get().cpuidName()
                    + ", the patch is for GenuineIntel");
        }
        if (cpu.signature().isEmpty()) {
            return Match.mismatch(MatchStatus.SIGNATURE_UNKNOWN, "the CPU's signature is unknown");
        }
        CpuSignature signature = cpu.signature().get();
        List<PatchTarget> sameSignature = patch.targets().stream()
                .filter(t -> t.signature().equals(signature)).toList();
        if (sameSignature.isEmpty()) {
            return Match.mismatch(MatchStatus.SIGNATURE_MISMATCH, "no signature of the patch ("
                    + patch.targets().stream().map(t -> t.signature().hex()).distinct().collect(Collectors.joining(", "))
                    + ") is the CPU's " + signature.hex());
        }
        return cpu.platformFlags().isPresent()
                ? matchPlatform(patch, sameSignature, cpu.platformFlags().get())
                : matchUnknownPlatform(patch, sameSignature);
    }

    private static Match matchPlatform(MicrocodePatch patch, List<PatchTarget> sameSignature, PlatformFlags cpu) {
        for (PatchTarget target : sameSignature) {
            if (target.platformFlags().fits(cpu)) {
                String how = cpu.mask() == 0
                        ? "both pf_mask and the CPU's platform flags are 0x00"
                        : "pf_mask " + target.platformFlags() + " includes the CPU's platform " + cpu;
                return Match.matched(target, "sig " + target.signature().hex() + where(patch, target) + ", " + how);
            }
        }
        return Match.mismatch(MatchStatus.PLATFORM_MISMATCH, "sig " + sameSignature.get(0).signature().hex()
                + " matches, but pf_mask " + masks(sameSignature) + " does not include the CPU's platform " + cpu);
    }

    /** Without the CPU's platform, only a mask that covers every platform id can be said to fit. */
    private static Match matchUnknownPlatform(MicrocodePatch patch, List<PatchTarget> sameSignature) {
        Optional<PatchTarget> universal = sameSignature.stream()
                .filter(t -> t.platformFlags().covers(EVERY_PLATFORM)).findFirst();
        return universal.map(t -> Match.matched(t, "sig " + t.signature().hex() + where(patch, t)
                        + ", pf_mask 0xff covers every platform, so the CPU's unknown platform fits"))
                .orElseGet(() -> Match.mismatch(MatchStatus.PLATFORM_UNKNOWN, "sig "
                        + sameSignature.get(0).signature().hex() + " matches, but the CPU's platform flags are unknown"
                        + " and pf_mask " + masks(sameSignature) + " does not cover every platform"));
    }

    private static String where(MicrocodePatch patch, PatchTarget target) {
        return patch.primaryTarget().equals(target) ? " (header)" : " (extended signature table)";
    }

    private static String masks(List<PatchTarget> targets) {
        return targets.stream().map(t -> t.platformFlags().toString()).distinct().collect(Collectors.joining(" / "));
    }
}
