package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.ApplyException;

/**
 * The registers of one logical CPU, for reading only: what a driver is given to read a CPU's platform flags and
 * revision while the machine is being looked at. It offers no write, since reading the machine must never change it
 * (on Linux every write through the msr device taints the kernel); see {@link WritableCpuRegisters} for the load.
 */
public interface CpuRegisters {

    /**
     * The 64-bit value of model-specific register {@code msr}, read on this CPU.
     *
     * @param msr the register's address, such as {@code 0x8B}
     * @return the register's 64 bits
     * @throws ApplyException when the register cannot be read, saying why and what to do
     */
    long readMsr(long msr) throws ApplyException;
}
