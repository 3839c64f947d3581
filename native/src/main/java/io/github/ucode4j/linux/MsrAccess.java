package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;

/** Reads and writes model-specific registers of logical CPUs; {@link CpuDevices} through {@code /dev/cpu/N/msr}. */
public interface MsrAccess {

    /**
     * Makes {@code cpu}'s MSRs ready for access, so that later reads and writes open nothing (before the stopped
     * window). The default does nothing.
     *
     * @throws ApplyException when they cannot be made ready, saying what to do
     */
    default void open(int cpu) throws ApplyException {
    }

    /**
     * The 64-bit value of {@code msr} on {@code cpu}, read on that CPU.
     *
     * @throws ApplyException with the errno and what to do (load the msr module, run as root, ...)
     */
    long read(int cpu, long msr) throws ApplyException;

    /**
     * Writes {@code value} to {@code msr} on {@code cpu}, on that CPU.
     *
     * @throws ApplyException with the errno and what to do ({@code EIO}: the CPU raised #GP)
     */
    void write(int cpu, long msr, long value) throws ApplyException;
}
