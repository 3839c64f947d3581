package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.ApplyException;

/**
 * The registers of one logical CPU that is being loaded: besides reads, the MSR writes and CPUID that a load and
 * Intel's revision read need. Given only on the load path, never to what merely reads the machine.
 */
public interface WritableCpuRegisters extends CpuRegisters {

    /**
     * Writes {@code value} to model-specific register {@code msr} on this CPU.
     *
     * @param msr the register's address, such as {@code 0x79}
     * @param value the 64 bits to write
     * @throws ApplyException when the write fails (a CPU refusing it raises #GP), saying what to do
     */
    void writeMsr(long msr, long value) throws ApplyException;

    /**
     * Executes CPUID with {@code leaf} (subleaf 0) on this CPU for its side effects: an Intel CPU stores its running
     * revision in MSR 0x8B when it executes CPUID.
     *
     * @param leaf the CPUID leaf, such as 1
     * @throws ApplyException when CPUID cannot be executed there, saying what to do
     */
    void executeCpuid(int leaf) throws ApplyException;
}
