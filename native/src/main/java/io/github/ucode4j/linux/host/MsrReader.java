package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;

/**
 * Reads model-specific registers of logical CPUs, and only reads them: what a probe of the machine is given, since
 * every write through {@code /dev/cpu/N/msr} taints the kernel.
 */
public interface MsrReader {

    /**
     * The 64-bit value of {@code msr} on {@code cpu}, read on that CPU.
     *
     * @param cpu the logical CPU's number, as the kernel numbers it ({@code /dev/cpu/N})
     * @param msr the register's number, an unsigned 32-bit value
     * @return the register's 64 bits
     * @throws ApplyException with the errno and what to do (load the msr module, run as root, ...)
     */
    long read(int cpu, long msr) throws ApplyException;
}
