package io.github.ucode4j.linux;

import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.linux.libc.Errno;
import java.util.OptionalInt;

/** What the kernel's answer to a reload means, and what to do about it. */
final class ReloadResults {
    private static final String LOG = " The kernel's log (dmesg) says more.";

    private ReloadResults() {
    }

    /**
     * The kernel loaded. The file it read is gone with the private folder, and {@code /lib/firmware} was not touched:
     * the message says how to keep the revision across reboots.
     */
    static SystemResult loaded(String revisions) {
        return new SystemResult(SystemOutcome.LOADED, OptionalInt.empty(), "the kernel loaded the microcode; " + revisions
                + ". It read the file from a private folder and /lib/firmware was not changed, so the CPUs keep this revision "
                + "until they are reset: to load it at every boot, put it in the early initramfs (ucode write-early-cpio) or "
                + "update the distribution's microcode package");
    }

    /**
     * The kernel refused with {@code errno}. {@code upToDate} tells, for ENOENT, whether every CPU already runs the
     * planned revision or a newer one, as {@link io.github.ucode4j.api.LoadJudge#alreadyRuns} decides: then the
     * kernel found nothing newer, not a file without a patch for these CPUs.
     */
    static SystemResult refused(int errno, boolean upToDate, String revisions) {
        OptionalInt code = OptionalInt.of(errno);
        return switch (errno) {
            case Errno.ENOENT -> upToDate
                    ? new SystemResult(SystemOutcome.UP_TO_DATE, code, "the kernel found nothing newer to load: the CPUs already "
                            + "run this revision or a newer one; " + revisions)
                    : new SystemResult(SystemOutcome.NO_MATCHING_PATCH, code, "the kernel found no patch newer than the running "
                            + "revision in the file it was given (ENOENT): it holds none for these CPUs' signature and platform, or only "
                            + "older ones; " + revisions);
            case Errno.EBADFD -> new SystemResult(SystemOutcome.REJECTED, code, "the kernel rejected the file it was given as "
                    + "malformed or unusable (EBADFD)." + LOG);
            case Errno.EIO -> new SystemResult(SystemOutcome.FAILED, code, "at least one CPU failed to update (EIO), so CPUs may now run different revisions; " + revisions + "." + LOG);
            case Errno.EBUSY -> new SystemResult(SystemOutcome.BUSY, code, "the kernel refused because a CPU is offline or a load "
                    + "is under way (EBUSY): bring every present CPU online (/sys/devices/system/cpu/cpuN/online) and retry");
            case Errno.EPERM, Errno.EACCES -> new SystemResult(SystemOutcome.NOT_PERMITTED, code, "the kernel refused the reload ("
                    + Errno.symbol(errno) + "): run as root; under kernel lockdown late loading may be refused");
            default -> new SystemResult(SystemOutcome.FAILED, code, "the reload failed: " + Errno.describe(errno)
                    + "." + LOG);
        };
    }

    /**
     * The kernel did not answer within the time allowed: {@link SystemOutcome#TIMED_OUT}. The search path is back and
     * the private folder gone by then.
     */
    static SystemResult timedOut(String allowed) {
        return new SystemResult(SystemOutcome.TIMED_OUT, OptionalInt.empty(), "timed out: the kernel did not finish the reload "
                + "within " + allowed + "; it may still complete: check dmesg and the CPUs' revisions. Nothing of the system's "
                + "was changed: firmware_class.path is back and the private copy removed, /lib/firmware was never written "
                + "(a kernel that had not looked the file up yet reads the distribution's own)");
    }
}
