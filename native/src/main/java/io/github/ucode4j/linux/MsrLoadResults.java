package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadAnswer;
import io.github.ucode4j.api.LoadEvidence;
import io.github.ucode4j.api.LoadJudge;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.libc.Errno;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link CpuResult} of one load through the trigger MSR: what the backend saw, judged by {@link LoadJudge}. The
 * write itself proves nothing ({@link LoadAnswer#RETURNED}): the revisions read before and after decide.
 */
final class MsrLoadResults {
    private MsrLoadResults() {
    }

    /** The write went through; what the CPU reports now decides. */
    static CpuResult afterWrite(int cpu, PreparedPatch prepared, Revision before, Revision after) {
        MicrocodePatch patch = prepared.patch();
        return LoadJudge.judge(LoadEvidence.of(cpu, patch.vendor(), before, after, patch.revision(), LoadAnswer.RETURNED,
                how(prepared)));
    }

    /** The write to the trigger MSR failed. */
    static CpuResult writeFailed(int cpu, PreparedPatch prepared, Revision before, ApplyException failure) {
        String explanation = failure.errno().orElse(0) == Errno.EIO ? refusalExplanation(prepared.protocol()) : "";
        MicrocodePatch patch = prepared.patch();
        return LoadJudge.judge(new LoadEvidence(cpu, patch.vendor(), Optional.of(before), Optional.empty(), patch.revision(),
                LoadAnswer.FAILED, failure.errno(), failure.getMessage() + explanation + " (address given: "
                + prepared.addressDescription() + ")"));
    }

    /** Nothing was written: the revision could not be read, or the thread is on the wrong CPU. */
    static CpuResult notWritten(int cpu, Optional<Revision> before, String why, OptionalInt errno) {
        return new CpuResult(cpu, CpuOutcome.FAILED, before, Optional.empty(), errno, "CPU " + cpu + ": nothing loaded: " + why);
    }

    /** A write that returned, then a revision that cannot be read: said as such. */
    static CpuResult readAfterFailed(int cpu, PreparedPatch prepared, Revision before, ApplyException failure) {
        MicrocodePatch patch = prepared.patch();
        return LoadJudge.judge(new LoadEvidence(cpu, patch.vendor(), Optional.of(before), Optional.empty(), patch.revision(),
                LoadAnswer.RETURNED, failure.errno(), failure.getMessage() + " (" + how(prepared) + ")"));
    }

    private static String how(PreparedPatch prepared) {
        return "MSR 0x" + Long.toHexString(prepared.protocol().triggerMsr()) + " given the " + prepared.addressDescription();
    }

    private static String refusalExplanation(LoadProtocol protocol) {
        return protocol.vendor() == Vendor.AMD
                ? "; the CPU refused the patch (#GP): AMD CPUs raise it for a patch not meant for them, older than the "
                        + "running one, failing their signature check, or not at a usable address"
                : "; the CPU raised #GP on the update trigger: the data was not at a usable, 16-byte aligned address, "
                        + "or the CPU rejected the patch";
    }
}
