package io.github.ucode4j.intel;

import io.github.ucode4j.api.CpuSignature;

/**
 * One entry of the extended signature table: another processor the same patch data serves.
 *
 * @param signature the processor signature (CPUID(1).EAX)
 * @param platformFlags the raw platform-flags mask
 * @param checksum the value that makes the header checksum hold with this entry's signature and mask
 */
public record ExtendedSignature(int signature, int platformFlags, int checksum) {

    /**
     * The signature as a value.
     *
     * @return {@link #signature()} as a {@link CpuSignature}, with its family, model and stepping
     */
    public CpuSignature cpuSignature() {
        return CpuSignature.of(signature);
    }
}
