package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import java.util.Objects;
import java.util.Optional;

/**
 * The Entrysign check Linux applies before loading an AMD patch: on a CPU with the flaw whose running revision is at
 * or below its cutoff, only patches whose SHA-256 is on the allow-list load. Thread-safe.
 */
public final class DigestChecker {
    private static final DigestChecker BUILT_IN = new DigestChecker(DigestAllowList.builtIn(), EntrysignCutoffs.builtIn());

    private final DigestAllowList allowList;
    private final EntrysignCutoffs cutoffs;

    /**
     * A checker with the given digests and cutoffs.
     *
     * @param allowList the known digest of each patch id
     * @param cutoffs the revision of each affected CPU at and below which the check is needed
     */
    public DigestChecker(DigestAllowList allowList, EntrysignCutoffs cutoffs) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.cutoffs = Objects.requireNonNull(cutoffs, "cutoffs");
    }

    /**
     * The checker with the digests and cutoffs Linux and Xen carry.
     *
     * @return a checker over {@link DigestAllowList#builtIn()} and {@link EntrysignCutoffs#builtIn()}
     */
    public static DigestChecker builtIn() {
        return BUILT_IN;
    }

    /**
     * Checks {@code patch} for {@code cpu}. When the CPU's signature is unknown, the patch's own CPU stands in for
     * it (a patch loads only on its CPU); when its running revision is unknown, the check is assumed needed.
     *
     * @param patch an AMD patch
     * @param cpu the CPU it would be loaded on
     * @return the verdict with its reason, naming the revisions and digests compared
     */
    public DigestCheck check(MicrocodePatch patch, CpuState cpu) {
        CpuSignature signature = cpu.signature().orElse(patch.primaryTarget().signature());
        if (!EntrysignCpus.affected(signature)) {
            return new DigestCheck(DigestVerdict.NOT_REQUIRED, String.format(
                    "family 0x%x model 0x%x does not have the Entrysign flaw", signature.family(), signature.model()));
        }
        Optional<String> exemption = cpu.revision().flatMap(running -> exemption(signature, running));
        if (exemption.isPresent()) {
            return new DigestCheck(DigestVerdict.NOT_REQUIRED, exemption.get());
        }
        String why = cpu.revision().map(running -> "running revision " + running + " is at or below its cutoff")
                .orElse("the running revision is unknown");
        return compareDigest(patch, why);
    }

    /**
     * Whether a CPU with {@code signature} running {@code running} needs the check. A CPU with the flaw needs it at
     * or below its cutoff, and when no cutoff is known for it (as Linux decides).
     *
     * @param signature the CPU's signature
     * @param running the revision the CPU runs
     * @return true when the loaders check the patch digest on that CPU
     */
    public boolean required(CpuSignature signature, Revision running) {
        return EntrysignCpus.affected(signature) && exemption(signature, running).isEmpty();
    }

    /**
     * The cutoff that applies to a CPU with {@code signature} running {@code running}, if one is known.
     *
     * @param signature the CPU's signature
     * @param running the revision the CPU runs (0 stands for the CPU's lowest revision, as Linux reads it)
     * @return the highest revision that still needs the check, or empty when no cutoff is known for the CPU
     */
    public Optional<Revision> cutoffFor(CpuSignature signature, Revision running) {
        return cutoffs.cutoffFor(effectiveRevision(signature, running));
    }

    /** Why a CPU with the flaw is exempt at {@code running}: it is above its cutoff. Empty when it is not. */
    private Optional<String> exemption(CpuSignature signature, Revision running) {
        Revision effective = effectiveRevision(signature, running);
        return cutoffs.cutoffFor(effective)
                .filter(effective::isNewerThan)
                .map(cutoff -> "running revision " + running + " is above the cutoff " + cutoff
                        + ": the CPU runs AMD's fix and verifies signatures itself");
    }

    /** A CPU that reports revision 0 is taken to run the lowest revision its signature allows, as Linux does. */
    private static Revision effectiveRevision(CpuSignature signature, Revision running) {
        return running.value() == 0 ? ZenPatchId.lowestRevision(signature) : running;
    }

    private DigestCheck compareDigest(MicrocodePatch patch, String why) {
        Revision patchId = patch.revision();
        Optional<String> known = allowList.digestOf(patchId);
        if (known.isEmpty()) {
            return new DigestCheck(DigestVerdict.UNKNOWN_DIGEST, why + ", and no SHA-256 is known for patch " + patchId
                    + ": Linux and Xen refuse it");
        }
        String actual = patch.sha256();
        if (!actual.equals(known.get())) {
            return new DigestCheck(DigestVerdict.DIGEST_MISMATCH, why + ", and patch " + patchId + " has SHA-256 "
                    + actual + ", not the known " + known.get() + ": Linux and Xen refuse it");
        }
        return new DigestCheck(DigestVerdict.ALLOWED, why + ", and the SHA-256 of patch " + patchId + " is the known one");
    }
}
