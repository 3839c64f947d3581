package io.github.ucode4j.intel;

import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.VerdictKind;
import java.util.Optional;

/**
 * What a patch's {@code min_req_ver} says about loading it into a running system, compared unsigned like every
 * load decision. Two questions with different answers for a patch that names no minimum: Linux (6.7 and later)
 * loads it, tainting the kernel, so it is no objection; but it is not a late load anyone has shown safe.
 */
final class LateLoadPolicy {
    private LateLoadPolicy() {
    }

    /** Safe only when the patch names a minimum and the running revision is at least that. */
    static LateLoadSafety safety(MicrocodePatch patch, Revision running) {
        Optional<Revision> minimum = patch.minimumRevision();
        if (minimum.isEmpty()) {
            return new LateLoadSafety(false, "the patch names no minimum revision (min_req_ver 0), so a late load "
                    + "cannot be shown safe; Linux loads it and taints the kernel, or refuses under force_minrev");
        }
        Revision required = minimum.get();
        return running.compareTo(required) >= 0
                ? new LateLoadSafety(true, "the running revision " + running + " is at least min_req_ver " + required)
                : new LateLoadSafety(false, "the running revision " + running + " is below min_req_ver " + required
                        + "; load " + required + " or later first, or load this patch early at boot");
    }

    /** Linux refuses a late load below a named minimum; without the running revision nothing can be decided. */
    static Optional<LoadObjection> objection(MicrocodePatch patch, CpuState cpu) {
        Optional<Revision> minimum = patch.minimumRevision();
        if (minimum.isEmpty()) {
            return Optional.empty();
        }
        if (cpu.revision().isEmpty()) {
            return Optional.of(new LoadObjection(VerdictKind.REVISION_UNKNOWN, "patch " + patch.revision()
                    + " requires running revision " + minimum.get() + " or later, and the CPU's revision is unknown"));
        }
        LateLoadSafety safety = safety(patch, cpu.revision().get());
        return safety.safe() ? Optional.empty()
                : Optional.of(new LoadObjection(VerdictKind.UNSAFE_LATE_LOAD, "patch " + patch.revision() + ": "
                        + safety.reason()));
    }
}
