package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LoadProtocol.RevisionRead;
import io.github.ucode4j.api.Revision;

/**
 * The running revision, read from MSR 0x8B by each vendor's rule: what a load reads before and after its write.
 * The Intel rule writes the MSR, which taints the kernel, so what only reads the machine does not use this.
 */
final class MsrRevisions {
    private static final int CPUID_SIGNATURE_LEAF = 1;

    private final MsrAccess msr;
    private final CpuidAccess cpuid;

    MsrRevisions(MsrAccess msr, CpuidAccess cpuid) {
        this.msr = msr;
        this.cpuid = cpuid;
    }

    /**
     * The revision {@code cpu} runs. Intel: write 0 to MSR 0x8B, execute CPUID(1) on that CPU (the CPU then
     * stores its revision in the MSR's high dword), read MSR 0x8B. AMD: read MSR 0x8B, low dword.
     */
    Revision read(int cpu, RevisionRead rule) throws ApplyException {
        if (rule == RevisionRead.CLEAR_CPUID_HIGH_DWORD) {
            msr.write(cpu, LoadProtocol.REVISION_MSR, 0);
            cpuid.cpuid(cpu, CPUID_SIGNATURE_LEAF, 0);
        }
        return rule.decode(msr.read(cpu, LoadProtocol.REVISION_MSR));
    }
}
