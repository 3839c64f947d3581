package io.github.ucode4j.xen;

import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.linux.libc.Errno;
import java.util.OptionalInt;

/** What Xen's answer to a microcode load means, and what to do about it. */
final class LoadResults {
    /** {@code EOPNOTSUPP}: Xen built without microcode loading (not in {@link Errno}). */
    static final int EOPNOTSUPP = 95;

    private static final String LOG = " Xen's own log is in 'xl dmesg'.";

    private LoadResults() {
    }

    /**
     * The result for Xen's answer {@code errno} (0: loaded). {@code afterBusy} says the answer came from the retry
     * that followed an EBUSY; {@code revisions} tells the revisions re-read afterwards, or is empty.
     */
    static SystemResult of(int errno, boolean afterBusy, XenVersion version, String revisions) {
        String retried = afterBusy ? " (on the retry after EBUSY)" : "";
        String after = revisions.isEmpty() ? "" : " " + revisions + ".";
        if (errno == 0) {
            return new SystemResult(SystemOutcome.LOADED, OptionalInt.empty(), "Xen loaded the microcode on its physical CPUs"
                    + retried + "." + after + LOG);
        }
        OptionalInt code = OptionalInt.of(errno);
        String answer = "Xen " + version + " answered " + Errno.symbol(errno) + retried + ": ";
        return switch (errno) {
            case Errno.EEXIST -> new SystemResult(SystemOutcome.UP_TO_DATE, code, answer + "the CPUs already run this "
                    + "revision or a newer one; nothing to load." + after + LOG);
            case Errno.ENOENT -> new SystemResult(SystemOutcome.NO_MATCHING_PATCH, code, answer + "no patch in the file "
                    + "matches these CPUs' signature and platform flags; check that the file is for this CPU model." + LOG);
            case Errno.EINVAL -> new SystemResult(SystemOutcome.REJECTED, code, answer + "the file is malformed or unusable "
                    + "(wrong vendor, bad magic or checksum); check it with ucode4j's parser." + LOG);
            case Errno.EIO -> new SystemResult(SystemOutcome.FAILED, code, answer + "a CPU refused the update and kept its "
                    + "revision; CPUs may now run different revisions." + after + LOG);
            case Errno.ENXIO -> new SystemResult(SystemOutcome.FAILED, code, answer + "the running AMD microcode cannot be "
                    + "replaced late: it is the final level, or below the patch's minimum revision (min_rev); load it at "
                    + "boot instead." + LOG);
            case Errno.EBUSY -> new SystemResult(SystemOutcome.BUSY, code, answer + "Xen was busy twice: a CPU hotplug or "
                    + "another load was under way, or a CPU missed the call-in. On Xen before 4.19.4 a race also turns "
                    + "'already up to date' (EEXIST) and a failed CPU (EIO) into EBUSY: compare the revisions with the "
                    + "plan before retrying." + after + LOG);
            case Errno.EPERM -> new SystemResult(SystemOutcome.NOT_PERMITTED, code, answer + "this domain may not load "
                    + "microcode; run as root in dom0." + LOG);
            case Errno.EACCES -> new SystemResult(SystemOutcome.UNSUPPORTED, code, answer + "Xen refused the platform "
                    + "op's interface version 0x" + Integer.toHexString(PlatformOp.INTERFACE_VERSION) + "; this Xen speaks "
                    + "another platform interface." + LOG);
            case Errno.EFAULT -> new SystemResult(SystemOutcome.FAILED, code, answer + "Xen could not read the op or the "
                    + "file: the memory was not hypercall-safe. Nothing was loaded; please report this." + LOG);
            case Errno.ENOMEM -> new SystemResult(SystemOutcome.REJECTED, code, answer + "the file is too large for Xen's "
                    + "heap; hand it only the patches these CPUs need (ucode4j's plan does)." + LOG);
            case Errno.ENOSYS -> new SystemResult(SystemOutcome.UNSUPPORTED, code, answer + "this Xen does not know the "
                    + "command; it is older than the command needs." + LOG);
            case EOPNOTSUPP -> new SystemResult(SystemOutcome.UNSUPPORTED, code, answer + "this Xen was built without "
                    + "microcode loading; load microcode at boot instead." + LOG);
            default -> new SystemResult(SystemOutcome.FAILED, code, answer + Errno.describe(errno) + "." + after + LOG);
        };
    }

    /** Xen did not answer within {@code allowed}. */
    static SystemResult timedOut(String allowed) {
        return new SystemResult(SystemOutcome.TIMED_OUT, OptionalInt.empty(), "Xen did not answer the load within " + allowed
                + "; it may still finish: read the revisions again before retrying." + LOG);
    }
}
