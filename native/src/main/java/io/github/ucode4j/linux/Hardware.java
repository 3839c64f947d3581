package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.host.CpuidAccess;
import io.github.ucode4j.linux.host.MsrAccess;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.Libc;
import java.util.Objects;

/**
 * The native means the backends work through, opened once per backend on first use (never in a constructor:
 * discovery instantiates every backend).
 *
 * @param libc the C library (buffers, user id)
 * @param msr MSR access
 * @param cpuid CPUID on a chosen CPU
 * @param pinning binding threads to CPUs
 * @param physical virtual-to-physical translation
 */
record Hardware(Libc libc, MsrAccess msr, CpuidAccess cpuid, ThreadPinning pinning, PhysicalAddresses physical) {

    Hardware {
        Objects.requireNonNull(libc, "libc");
        Objects.requireNonNull(msr, "msr");
        Objects.requireNonNull(cpuid, "cpuid");
        Objects.requireNonNull(pinning, "pinning");
        Objects.requireNonNull(physical, "physical");
    }

    /** Opens the machine's own hardware under {@code roots}. */
    static Hardware open(LinuxRoots roots) throws ApplyException {
        Libc libc = JnaLibc.load();
        CpuDevices devices = new CpuDevices(libc, roots);
        return new Hardware(libc, devices, devices, new AffinityPinning(libc), new PageMap(roots.pagemap()));
    }

    /** Makes the hardware of a backend; the tests' factories make simulated CPUs. */
    @FunctionalInterface
    interface Factory {
        Hardware open(LinuxRoots roots) throws ApplyException;
    }
}
