package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.host.CpuidAccess;
import io.github.ucode4j.linux.host.LinuxChecks;
import io.github.ucode4j.linux.host.MsrAccess;
import io.github.ucode4j.linux.host.MsrReader;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.Libc;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
    /**
     * The machine's own hardware, through JNA. A probe reads its CPUs through Java's file channels instead
     * ({@link CpuDevices#readOnly}), and the user id comes from {@code /proc/self/status}: a command that only reads
     * the machine then loads no native code, unless a read fails in a way only the C library can explain.
     */
    static final Factory MACHINE = new Factory() {
        @Override
        public Hardware open(LinuxRoots roots) throws ApplyException {
            return Hardware.open(roots);
        }

        @Override
        public int effectiveUid(LinuxRoots roots, Opened opened) throws ApplyException {
            OptionalInt fromProc = LinuxChecks.effectiveUid(roots.procSelfStatus());
            return fromProc.isPresent() ? fromProc.getAsInt() : opened.get().libc().geteuid();
        }

        @Override
        public <T> T probe(LinuxRoots roots, Opened opened, Probe<T> probe) throws IOException {
            CpuDevices devices = CpuDevices.readOnly(roots, () -> opened.get().libc());
            try (devices) {
                return probe.run(devices, Optional.of(devices));
            } catch (ApplyException closing) {
                throw new IOException(closing.getMessage(), closing);
            }
        }
    };

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
        /** Opens the hardware under {@code roots}. */
        Hardware open(LinuxRoots roots) throws ApplyException;

        /**
         * The effective user id of this process, as the hardware {@code opened} gives (opening it on first use) tells
         * it; the machine's own reads it from {@code /proc/self/status} and needs no native code.
         */
        default int effectiveUid(LinuxRoots roots, Opened opened) throws ApplyException {
            return opened.get().libc().geteuid();
        }

        /**
         * Runs {@code probe} with the CPUID and MSR reads of this factory's hardware, which {@code opened} gives
         * (opening it on first use). By default they are the hardware's own devices, or when it cannot be opened,
         * CPUID reads that each fail with the reason, and no MSR reads.
         */
        default <T> T probe(LinuxRoots roots, Opened opened, Probe<T> probe) throws IOException {
            try {
                Hardware hardware = opened.get();
                return probe.run(hardware.cpuid(), Optional.of(hardware.msr()));
            } catch (ApplyException e) {
                return probe.run(new UnavailableHardware(e), Optional.empty());
            }
        }
    }

    /** A backend's hardware, opened on first use. */
    @FunctionalInterface
    interface Opened {
        /** The hardware, opened now if not yet. */
        Hardware get() throws ApplyException;
    }

    /** What reads a machine's CPUs through the reads it is given. */
    @FunctionalInterface
    interface Probe<T> {
        /** Reads the machine through {@code cpuid} and {@code msr}; empty when no MSR can be read at all. */
        T run(CpuidAccess cpuid, Optional<MsrReader> msr) throws IOException;
    }
}
