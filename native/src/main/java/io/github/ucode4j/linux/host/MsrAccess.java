package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;

/** Reads and writes model-specific registers of logical CPUs; {@link CpuDevices} through {@code /dev/cpu/N/msr}. */
public interface MsrAccess extends MsrReader {

    /**
     * Makes {@code cpu}'s MSRs ready for access, so that later reads and writes open nothing (before the stopped
     * window). The default does nothing.
     *
     * @param cpu the logical CPU's number, as the kernel numbers it ({@code /dev/cpu/N})
     * @throws ApplyException when they cannot be made ready, saying what to do
     */
    default void open(int cpu) throws ApplyException {
    }

    /**
     * Writes {@code value} to {@code msr} on {@code cpu}, on that CPU. Through {@code /dev/cpu/N/msr}, every write
     * taints the kernel ({@code CPU_OUT_OF_SPEC}).
     *
     * @param cpu the logical CPU's number, as the kernel numbers it ({@code /dev/cpu/N})
     * @param msr the register's number, an unsigned 32-bit value
     * @param value the 64 bits to write
     * @throws ApplyException with the errno and what to do ({@code EIO}: the CPU raised #GP)
     */
    void write(int cpu, long msr, long value) throws ApplyException;
}
