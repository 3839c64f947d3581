package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;

/**
 * The CPUs whose microcode signature check is weak (Entrysign, CVE-2024-36347): every family 0x17 and 0x19 CPU, and
 * family 0x1a models 0x00-0x2f, 0x40-0x4f and 0x60-0x6f. The same set for which Linux checks patch digests.
 */
public final class EntrysignCpus {
    private EntrysignCpus() {
    }

    /** Whether {@code cpu} has the flaw, so that its loaders check patch digests below the fix's cutoff. */
    public static boolean affected(CpuSignature cpu) {
        int family = cpu.family();
        int model = cpu.model();
        if (family == 0x17 || family == 0x19) {
            return true;
        }
        return family == 0x1a && (model <= 0x2f || (model >= 0x40 && model <= 0x4f) || (model >= 0x60 && model <= 0x6f));
    }
}
