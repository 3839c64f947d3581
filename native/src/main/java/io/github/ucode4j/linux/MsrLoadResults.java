package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.libc.Errno;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link CpuResult} of one load through the trigger MSR, decided only by the revisions read before and after:
 * the write itself proves nothing.
 */
final class MsrLoadResults {
    private MsrLoadResults() {
    }

    /** The write went through; what the CPU reports now decides. */
    static CpuResult afterWrite(int cpu, PreparedPatch prepared, Revision before, Revision after) {
        MicrocodePatch patch = prepared.patch();
        String how = " (MSR 0x" + Long.toHexString(prepared.protocol().triggerMsr()) + " given the " + prepared.addressDescription() + ")";
        Optional<Revision> was = Optional.of(before);
        Optional<Revision> now = Optional.of(after);
        if (after.equals(patch.revision()) && (!after.equals(before) || patch.vendor().reappliesSameRevision())) {
            return new CpuResult(cpu, CpuOutcome.UPDATED, was, now, OptionalInt.empty(),
                    "CPU " + cpu + " loaded revision " + after + " over " + before + how);
        }
        if (after.equals(patch.revision())) {
            return new CpuResult(cpu, CpuOutcome.UP_TO_DATE, was, now, OptionalInt.empty(),
                    "CPU " + cpu + " already ran revision " + after + "; Intel CPUs load only newer revisions, so nothing changed" + how);
        }
        if (after.equals(before)) {
            return new CpuResult(cpu, CpuOutcome.REFUSED, was, now, OptionalInt.empty(),
                    "CPU " + cpu + " took the write without error but still reports revision " + after + " (before " + before
                            + ", patch " + patch.revision() + "): the CPU refused the patch" + how);
        }
        return new CpuResult(cpu, CpuOutcome.FAILED, was, now, OptionalInt.empty(),
                "CPU " + cpu + " now reports revision " + after + ", neither the revision before (" + before
                        + ") nor the patch's (" + patch.revision() + "): check the kernel log before loading again" + how);
    }

    /** The write to the trigger MSR failed. */
    static CpuResult writeFailed(int cpu, PreparedPatch prepared, Revision before, ApplyException failure) {
        String explanation = failure.errno().orElse(0) == Errno.EIO ? refusalExplanation(prepared.protocol()) : "";
        return new CpuResult(cpu, CpuOutcome.FAILED, Optional.of(before), Optional.empty(), failure.errno(),
                failure.getMessage() + explanation + " (address given: " + prepared.addressDescription() + ")");
    }

    /** Nothing was written: the revision could not be read, or the thread is on the wrong CPU. */
    static CpuResult notWritten(int cpu, Optional<Revision> before, String why, OptionalInt errno) {
        return new CpuResult(cpu, CpuOutcome.FAILED, before, Optional.empty(), errno, "CPU " + cpu + ": nothing loaded: " + why);
    }

    /** A write that failed, then a revision that cannot be read: said as such. */
    static CpuResult readAfterFailed(int cpu, Revision before, ApplyException failure) {
        return new CpuResult(cpu, CpuOutcome.FAILED, Optional.of(before), Optional.empty(), failure.errno(),
                "CPU " + cpu + ": the trigger write returned, but the revision could not be read back, so whether the patch "
                        + "loaded is unknown: " + failure.getMessage());
    }

    private static String refusalExplanation(LoadProtocol protocol) {
        return protocol.vendor() == Vendor.AMD
                ? "; the CPU refused the patch (#GP): AMD CPUs raise it for a patch not meant for them, older than the "
                        + "running one, failing their signature check, or not at a usable address"
                : "; the CPU raised #GP on the update trigger: the data was not at a usable, 16-byte aligned address, "
                        + "or the CPU rejected the patch";
    }
}
