package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import io.github.ucode4j.linux.host.CpuidAccess;
import io.github.ucode4j.linux.host.MsrAccess;

/**
 * The running revision, read through {@code /dev/cpu/N} by the vendor driver's rule
 * ({@link MicrocodeOps#readRevision(WritableCpuRegisters)}): what a load reads before and after its write. Intel's
 * rule writes an MSR, which taints the kernel, so what only reads the machine does not use this.
 */
final class MsrRevisions {
    private final MicrocodeDrivers drivers;
    private final MsrAccess msr;
    private final CpuidAccess cpuid;

    MsrRevisions(MicrocodeDrivers drivers, MsrAccess msr, CpuidAccess cpuid) {
        this.drivers = drivers;
        this.msr = msr;
        this.cpuid = cpuid;
    }

    /**
     * The revision {@code cpu}, a CPU of {@code vendor}, runs.
     *
     * @throws ApplyException when no driver for {@code vendor} is installed, or a register cannot be read or written
     */
    Revision read(int cpu, Vendor vendor) throws ApplyException {
        MicrocodeOps driver = drivers.forVendor(vendor).orElseThrow(() -> new ApplyException("reading the revision of CPU "
                + cpu + ": no " + vendor + " microcode driver is installed", "put ucode4j's " + vendor + " driver on the"
                + " class or module path"));
        return driver.readRevision(new DeviceRegisters(cpu));
    }

    /** One CPU's registers through its msr and cpuid devices, writes included. */
    private final class DeviceRegisters implements WritableCpuRegisters {
        private final int cpu;

        DeviceRegisters(int cpu) {
            this.cpu = cpu;
        }

        @Override
        public long readMsr(long address) throws ApplyException {
            return msr.read(cpu, address);
        }

        @Override
        public void writeMsr(long address, long value) throws ApplyException {
            msr.write(cpu, address, value);
        }

        @Override
        public void executeCpuid(int leaf) throws ApplyException {
            cpuid.cpuid(cpu, leaf, 0);
        }
    }
}
