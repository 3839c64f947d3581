package io.github.ucode4j.linux;

import com.sun.jna.Memory;
import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code /dev/cpu/N/msr} and {@code /dev/cpu/N/cpuid} device files: the file offset is the MSR number, or
 * the CPUID subleaf and leaf ({@code subleaf << 32 | leaf}); the kernel runs each access on CPU N.
 *
 * <p>Each file is opened on first use and kept open, with its own small native buffer, so that once
 * {@link #open} has been called for a CPU, its accesses neither open files nor allocate native memory: what the
 * stopped window of a rendezvous needs. Thread-safe; accesses to one file are serialised.
 */
public final class CpuDevices implements MsrAccess, CpuidAccess, AutoCloseable {
    private static final int MSR_BYTES = 8;
    private static final int CPUID_BYTES = 16;

    private final Libc libc;
    private final LinuxRoots roots;
    private final Map<Path, DeviceFile> open = new ConcurrentHashMap<>();

    /** Devices under {@code roots.devCpu()}, accessed through {@code libc}. */
    public CpuDevices(Libc libc, LinuxRoots roots) {
        this.libc = libc;
        this.roots = roots;
    }

    /** Opens {@code cpu}'s MSR device now, read-write, so that later accesses do not. */
    @Override
    public void open(int cpu) throws ApplyException {
        msrFile(cpu);
    }

    @Override
    public long read(int cpu, long msr) throws ApplyException {
        DeviceFile file = msrFile(cpu);
        synchronized (file) {
            try {
                file.readExactly(MSR_BYTES, msr);
            } catch (ErrnoException e) {
                throw e.in("reading MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu, OptionalInt.of(cpu),
                        DeviceRemedies.read(msr, cpu, e.errnoValue()));
            }
            return file.buffer.getLong(0);
        }
    }

    @Override
    public void write(int cpu, long msr, long value) throws ApplyException {
        DeviceFile file = msrFile(cpu);
        synchronized (file) {
            file.buffer.setLong(0, value);
            try {
                file.writeExactly(MSR_BYTES, msr);
            } catch (ErrnoException e) {
                throw e.in("writing MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu, OptionalInt.of(cpu),
                        DeviceRemedies.write(msr, cpu, e.errnoValue()));
            }
        }
    }

    @Override
    public CpuidLeaf cpuid(int cpu, int leaf, int subleaf) throws ApplyException {
        DeviceFile file = deviceFile(roots.cpuid(cpu), "cpuid", cpu, Libc.O_RDONLY);
        synchronized (file) {
            try {
                file.readExactly(CPUID_BYTES, Integer.toUnsignedLong(subleaf) << 32 | Integer.toUnsignedLong(leaf));
            } catch (ErrnoException e) {
                throw e.in("CPUID leaf 0x" + Integer.toHexString(leaf) + " on CPU " + cpu, OptionalInt.of(cpu),
                        DeviceRemedies.cpuid(cpu, e.errnoValue()));
            }
            return new CpuidLeaf(file.buffer.getInt(0), file.buffer.getInt(4), file.buffer.getInt(8), file.buffer.getInt(12));
        }
    }

    private DeviceFile msrFile(int cpu) throws ApplyException {
        return deviceFile(roots.msr(cpu), "msr", cpu, Libc.O_RDWR);
    }

    private DeviceFile deviceFile(Path path, String module, int cpu, int mode) throws ApplyException {
        DeviceFile file = open.get(path);
        if (file != null) {
            return file;
        }
        synchronized (open) {
            file = open.get(path);
            if (file == null) {
                file = new DeviceFile(path, openFile(path, module, cpu, mode), new Memory(CPUID_BYTES));
                open.put(path, file);
            }
            return file;
        }
    }

    private int openFile(Path path, String module, int cpu, int mode) throws ApplyException {
        try {
            return libc.open(path.toString(), mode | Libc.O_CLOEXEC);
        } catch (ErrnoException e) {
            throw e.in("opening " + path, OptionalInt.of(cpu), DeviceRemedies.open(module, cpu, e.errnoValue()));
        }
    }

    /**
     * Closes every open device file.
     *
     * @throws ApplyException when a file cannot be closed (the others are closed all the same)
     */
    @Override
    public void close() throws ApplyException {
        List<ApplyException> failures = new ArrayList<>();
        synchronized (open) {
            for (DeviceFile file : open.values()) {
                try {
                    libc.close(file.fd);
                } catch (ErrnoException e) {
                    failures.add(e.in("closing " + file.path, OptionalInt.empty(), ""));
                }
            }
            open.clear();
        }
        if (!failures.isEmpty()) {
            ApplyException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** One open device file and the native buffer its accesses go through. */
    private final class DeviceFile {
        final Path path;
        final int fd;
        final Memory buffer;

        DeviceFile(Path path, int fd, Memory buffer) {
            this.path = path;
            this.fd = fd;
            this.buffer = buffer;
        }

        void readExactly(int count, long offset) throws ApplyException {
            long done = libc.pread(fd, buffer, count, offset);
            requireWhole(done, count, "read");
        }

        void writeExactly(int count, long offset) throws ApplyException {
            long done = libc.pwrite(fd, buffer, count, offset);
            requireWhole(done, count, "wrote");
        }

        private void requireWhole(long done, int count, String verb) throws ApplyException {
            if (done != count) {
                throw new ApplyException(path + ": " + verb + " " + done + " of " + count + " bytes", "");
            }
        }
    }
}
