package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.PlatformFlags;

/**
 * The Intel platform id: bits 52:50 of MSR 0x17 (IA32_PLATFORM_ID), which select the one bit of a CPU's platform
 * flags. Intel CPUs before family 6 model 5 have none.
 */
public final class IntelPlatformId {
    /** IA32_PLATFORM_ID. */
    public static final long MSR = 0x17;
    /** How the flags' source reads where they come from this MSR. */
    public static final String SOURCE = "MSR 0x17 bits 52:50";
    private static final int SHIFT = 50;
    private static final int BITS = 0x7;

    private IntelPlatformId() {
    }

    /** Whether an Intel CPU with {@code signature} has a platform id: family 6 from model 5 on, and every later family. */
    public static boolean present(CpuSignature signature) {
        return signature.family() > 6 || signature.family() == 6 && signature.model() >= 5;
    }

    /**
     * The platform flags of Intel CPU {@code cpu}, read from its MSR 0x17.
     *
     * @throws ApplyException when the MSR cannot be read, with the errno and what to do
     */
    public static PlatformFlags read(MsrReader msr, int cpu) throws ApplyException {
        return fromMsr(msr.read(cpu, MSR));
    }

    /** The platform flags an MSR 0x17 value selects. */
    public static PlatformFlags fromMsr(long value) {
        return PlatformFlags.ofPlatformId((int) (value >>> SHIFT) & BITS);
    }
}
