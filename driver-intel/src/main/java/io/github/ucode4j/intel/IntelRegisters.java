package io.github.ucode4j.intel;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.CpuRegisters;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import java.util.Optional;

/**
 * How an Intel CPU tells its platform id and its running revision through its registers (the Intel SDM's
 * IA32_PLATFORM_ID and IA32_BIOS_SIGN_ID).
 */
final class IntelRegisters {
    /** IA32_PLATFORM_ID: the platform id is bits 52:50. */
    static final long PLATFORM_ID_MSR = 0x17;
    /** IA32_BIOS_SIGN_ID: the revision is the high dword, stored there by CPUID. */
    static final long REVISION_MSR = 0x8B;
    private static final int PLATFORM_ID_SHIFT = 50;
    private static final int PLATFORM_ID_BITS = 0x7;
    private static final int CPUID_SIGNATURE_LEAF = 1;
    private static final String PLATFORM_ID_SOURCE = "MSR 0x17 bits 52:50";
    private static final SourcedFact<PlatformFlags> NO_PLATFORM_ID =
            new SourcedFact<>(PlatformFlags.NONE, "none: Intel CPUs before family 6 model 5 have no platform id");

    private IntelRegisters() {
    }

    /** None before family 6 model 5, which have no platform id; empty for later CPUs and an unknown signature. */
    static Optional<SourcedFact<PlatformFlags>> platformFlagsWithoutRegisters(Optional<CpuSignature> signature) {
        return signature.filter(s -> !hasPlatformId(s)).map(s -> NO_PLATFORM_ID);
    }

    /** Family 6 from model 5 on, and every later family, have a platform id. */
    private static boolean hasPlatformId(CpuSignature signature) {
        return signature.family() > 6 || signature.family() == 6 && signature.model() >= 5;
    }

    /** The one platform flag MSR 0x17 selects. */
    static SourcedFact<PlatformFlags> readPlatformFlags(CpuRegisters cpu) throws ApplyException {
        int platformId = (int) (cpu.readMsr(PLATFORM_ID_MSR) >>> PLATFORM_ID_SHIFT) & PLATFORM_ID_BITS;
        return new SourcedFact<>(PlatformFlags.ofPlatformId(platformId), PLATFORM_ID_SOURCE);
    }

    /**
     * Write 0 to MSR 0x8B, execute CPUID(1) on the CPU, which stores its running revision in the MSR's high dword,
     * and read it. Without the write, the MSR may hold what an earlier CPUID stored there.
     */
    static Revision readRevision(WritableCpuRegisters cpu) throws ApplyException {
        cpu.writeMsr(REVISION_MSR, 0);
        cpu.executeCpuid(CPUID_SIGNATURE_LEAF);
        return Revision.of((int) (cpu.readMsr(REVISION_MSR) >>> 32));
    }
}
