package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;

/** Executes CPUID on a chosen logical CPU; {@link CpuDevices} through {@code /dev/cpu/N/cpuid}. */
public interface CpuidAccess {

    /**
     * The registers CPUID returns on {@code cpu} for {@code leaf} and {@code subleaf}.
     *
     * @throws ApplyException with the errno and what to do (load the cpuid module, run as root, ...)
     */
    CpuidLeaf cpuid(int cpu, int leaf, int subleaf) throws ApplyException;
}
