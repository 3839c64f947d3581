package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks, among patches for one CPU, the one to load. Since the Entrysign fix, containers carry two patches per
 * affected CPU: one at or below the cutoff (signed the old way, on the allow-list) and one above it (signed the new
 * way, loadable only once the fix runs). A CPU at or below its cutoff takes the newest patch at or below it; a CPU
 * above takes the newest above. Elsewhere the newest loadable patch wins.
 */
public final class EntrysignSelection {
    private EntrysignSelection() {
    }

    /**
     * The newest patch among {@code candidates} that fits {@code cpu}, that AMD's revision rule would load over
     * its running revision, and that lies on the same side of the CPU's cutoff as that revision. Empty when none
     * does, or when the CPU's signature or running revision is unknown.
     *
     * @param candidates the patches to choose among, in any order
     * @param cpu the CPU to choose for
     * @param checker the cutoffs to compare against
     * @return the patch chosen, or empty
     */
    public static Optional<MicrocodePatch> select(List<MicrocodePatch> candidates, CpuState cpu, DigestChecker checker) {
        if (cpu.signature().isEmpty() || cpu.revision().isEmpty()) {
            return Optional.empty();
        }
        Revision running = cpu.revision().get();
        return candidates.stream()
                .filter(patch -> AmdMatcher.match(patch, cpu).matches())
                .filter(patch -> Vendor.AMD.wouldLoad(running, patch.revision()))
                .filter(patch -> otherSideOfCutoff(patch, cpu, checker).isEmpty())
                .max(Comparator.comparing(MicrocodePatch::revision));
    }

    /**
     * Why {@code patch} is on the other side of {@code cpu}'s Entrysign cutoff from its running revision, or empty
     * when it is on the same side, no cutoff is known for the running revision, or the CPU's signature or revision is
     * unknown. As Linux skips such a patch, this depends on the cutoff list alone, not on {@link EntrysignCpus}.
     *
     * @param patch the patch a load would apply
     * @param cpu the CPU it would be applied to
     * @param checker the cutoffs to compare against
     * @return the reason in words, naming the revisions and the cutoff, or empty
     */
    public static Optional<String> otherSideOfCutoff(MicrocodePatch patch, CpuState cpu, DigestChecker checker) {
        if (cpu.signature().isEmpty() || cpu.revision().isEmpty()) {
            return Optional.empty();
        }
        Revision running = cpu.revision().get();
        return checker.cutoffFor(cpu.signature().get(), running)
                .filter(cutoff -> !sameSide(cutoff, running, patch.revision()))
                .map(cutoff -> "patch " + patch.revision() + " is for CPUs " + (patch.revision().isNewerThan(cutoff) ? "already" : "not yet")
                        + " running AMD's Entrysign fix (cutoff " + cutoff + "), and this CPU runs " + running);
    }

    private static boolean sameSide(Revision cutoff, Revision running, Revision candidate) {
        return running.isNewerThan(cutoff) == candidate.isNewerThan(cutoff);
    }
}
