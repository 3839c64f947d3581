package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;

/** Executes CPUID on a chosen logical CPU; {@link CpuDevices} through {@code /dev/cpu/N/cpuid}. */
public interface CpuidAccess {

    /**
     * The registers CPUID returns on {@code cpu} for {@code leaf} and {@code subleaf}.
     *
     * @param cpu the logical CPU's number, as the kernel numbers it ({@code /dev/cpu/N})
     * @param leaf the leaf, put in EAX; any 32-bit value, unsigned
     * @param subleaf the subleaf, put in ECX; 0 for a leaf that has none
     * @return the four registers as the CPU returned them
     * @throws ApplyException with the errno and what to do (load the cpuid module, run as root, ...)
     */
    CpuidLeaf cpuid(int cpu, int leaf, int subleaf) throws ApplyException;
}
