package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.LinuxRoots;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import io.github.ucode4j.linux.libc.LibcLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code /dev/cpu/N/msr} and {@code /dev/cpu/N/cpuid} device files: the file offset is the MSR number, or
 * the CPUID subleaf and leaf ({@code subleaf << 32 | leaf}); the kernel runs each access on CPU N.
 *
 * <p>Each file is opened on first use and kept open, with its own small native buffer, so that once
 * {@link #open} has been called for a CPU, its accesses neither open files nor allocate native memory: what the
 * stopped window of a rendezvous needs. Thread-safe: the accesses to one CPU's two files are serialised, and an
 * access waits for an earlier one to the same CPU at most {@link #BUSY_DEADLINE}. A CPU that hangs in an access
 * (in a microcode load, say) never lets that access return; every later access to it then fails, naming the CPU,
 * instead of waiting for ever.
 */
public final class CpuDevices implements MsrAccess, CpuidAccess, AutoCloseable {
    /**
     * How long an access waits for an earlier access to the same CPU to return. An MSR or CPUID access takes
     * microseconds and a microcode load well under a second; one still running after this is presumed hung.
     */
    public static final Duration BUSY_DEADLINE = Duration.ofSeconds(1);

    private static final int MSR_BYTES = 8;
    private static final int CPUID_BYTES = 16;

    private final DeviceChannel.Opener files;
    private final int msrMode;
    private final LinuxRoots roots;
    private final Duration busyDeadline;
    private final Map<Path, DeviceFile> open = new ConcurrentHashMap<>();
    /** One lock per CPU, shared by its two files (guarded by {@code open}). */
    private final Map<Integer, ReentrantLock> cpuLocks = new HashMap<>();

    /**
     * Devices under {@code roots.devCpu()}, accessed through {@code libc}, waiting at most {@link #BUSY_DEADLINE}
     * for a CPU. Opens nothing yet.
     *
     * @param libc the C library the device files are opened, read and written with
     * @param roots where the host's files are; its {@code devCpu()} holds one directory per CPU number
     */
    public CpuDevices(Libc libc, LinuxRoots roots) {
        this(libc, roots, BUSY_DEADLINE);
    }

    /**
     * Devices under {@code roots.devCpu()}, accessed through {@code libc}, waiting at most {@code busyDeadline} for a
     * CPU. Opens nothing yet.
     *
     * @param libc the C library the device files are opened, read and written with
     * @param roots where the host's files are; its {@code devCpu()} holds one directory per CPU number
     * @param busyDeadline how long an access waits for an earlier access to the same CPU before it fails, presuming
     *     that CPU hung; positive
     */
    public CpuDevices(Libc libc, LinuxRoots roots, Duration busyDeadline) {
        this(LibcChannel.opener(libc), Libc.O_RDWR, roots, busyDeadline);
    }

    private CpuDevices(DeviceChannel.Opener files, int msrMode, LinuxRoots roots, Duration busyDeadline) {
        this.files = files;
        this.msrMode = msrMode;
        this.roots = roots;
        this.busyDeadline = busyDeadline;
    }

    /**
     * Devices under {@code roots.devCpu()} for reading only, through Java's file channels: reading CPUID and MSRs
     * this way loads no native code. The MSR devices are opened read-only and {@link #write} fails. A failed access
     * whose errno Java does not tell is retried once through the C library {@code diagnosis} gives, so that it fails
     * with its errno and remedy as it would through {@link #CpuDevices(Libc, LinuxRoots)}.
     *
     * @param roots where the host's files are; its {@code devCpu()} holds one directory per CPU number
     * @param diagnosis the C library, asked for only to explain a failure
     * @return devices that open nothing yet
     */
    public static CpuDevices readOnly(LinuxRoots roots, LibcLoader diagnosis) {
        return new CpuDevices(JavaChannel.opener(diagnosis), Libc.O_RDONLY, roots, BUSY_DEADLINE);
    }

    /** Opens {@code cpu}'s MSR device now, read-write, so that later accesses do not. */
    @Override
    public void open(int cpu) throws ApplyException {
        msrFile(cpu);
    }

    @Override
    public long read(int cpu, long msr) throws ApplyException {
        DeviceFile file = msrFile(cpu);
        if (!file.acquire()) {
            throw file.busy("reading MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu);
        }
        try {
            file.readExactly(MSR_BYTES, msr);
            return file.buffer.getLong(0);
        } catch (ErrnoException e) {
            throw e.in("reading MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu, OptionalInt.of(cpu),
                    DeviceRemedies.read(msr, cpu, e.errnoValue()));
        } finally {
            file.release();
        }
    }

    @Override
    public void write(int cpu, long msr, long value) throws ApplyException {
        if (msrMode == Libc.O_RDONLY) {
            throw new ApplyException("writing MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu + " was refused: these "
                    + "devices were opened for reading only", OptionalInt.of(cpu), OptionalInt.empty(), "", null);
        }
        DeviceFile file = msrFile(cpu);
        if (!file.acquire()) {
            throw file.busy("writing MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu);
        }
        try {
            file.buffer.putLong(0, value);
            file.writeExactly(MSR_BYTES, msr);
        } catch (ErrnoException e) {
            throw e.in("writing MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu, OptionalInt.of(cpu),
                    DeviceRemedies.write(msr, cpu, e.errnoValue()));
        } finally {
            file.release();
        }
    }

    @Override
    public CpuidLeaf cpuid(int cpu, int leaf, int subleaf) throws ApplyException {
        DeviceFile file = deviceFile(roots.cpuid(cpu), "cpuid", cpu, Libc.O_RDONLY);
        if (!file.acquire()) {
            throw file.busy("CPUID leaf 0x" + Integer.toHexString(leaf) + " on CPU " + cpu);
        }
        try {
            file.readExactly(CPUID_BYTES, Integer.toUnsignedLong(subleaf) << 32 | Integer.toUnsignedLong(leaf));
            return new CpuidLeaf(file.buffer.getInt(0), file.buffer.getInt(4), file.buffer.getInt(8), file.buffer.getInt(12));
        } catch (ErrnoException e) {
            throw e.in("CPUID leaf 0x" + Integer.toHexString(leaf) + " on CPU " + cpu, OptionalInt.of(cpu),
                    DeviceRemedies.cpuid(cpu, e.errnoValue()));
        } finally {
            file.release();
        }
    }

    private DeviceFile msrFile(int cpu) throws ApplyException {
        return deviceFile(roots.msr(cpu), "msr", cpu, msrMode);
    }

    private DeviceFile deviceFile(Path path, String module, int cpu, int mode) throws ApplyException {
        DeviceFile file = open.get(path);
        if (file != null) {
            return file;
        }
        synchronized (open) {
            file = open.get(path);
            if (file == null) {
                ReentrantLock lock = cpuLocks.computeIfAbsent(cpu, c -> new ReentrantLock());
                file = new DeviceFile(path, cpu, openFile(path, module, cpu, mode), ByteBuffer.allocateDirect(CPUID_BYTES).order(ByteOrder.LITTLE_ENDIAN), lock);
                open.put(path, file);
            }
            return file;
        }
    }

    private DeviceChannel openFile(Path path, String module, int cpu, int mode) throws ApplyException {
        try {
            return files.open(path, mode);
        } catch (ErrnoException e) {
            throw e.in("opening " + path, OptionalInt.of(cpu), DeviceRemedies.open(module, cpu, e.errnoValue()));
        }
    }

    /**
     * Closes every open device file. A file whose CPU is still busy past the deadline is left open rather than
     * closed under the access (its descriptor could be given to another file while the access runs).
     *
     * @throws ApplyException when a file cannot be closed, or is left open (the others are closed all the same)
     */
    @Override
    public void close() throws ApplyException {
        List<ApplyException> failures = new ArrayList<>();
        synchronized (open) {
            for (DeviceFile file : open.values()) {
                try {
                    file.close();
                } catch (ApplyException e) {
                    failures.add(e);
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

    /** One open device file, the native buffer its accesses go through, and its CPU's lock. */
    private final class DeviceFile {
        final Path path;
        final int cpu;
        final DeviceChannel channel;
        final ByteBuffer buffer;
        final ReentrantLock cpuLock;

        DeviceFile(Path path, int cpu, DeviceChannel channel, ByteBuffer buffer, ReentrantLock cpuLock) {
            this.path = path;
            this.cpu = cpu;
            this.channel = channel;
            this.buffer = buffer;
            this.cpuLock = cpuLock;
        }

        /**
         * Takes the CPU's lock, waiting at most the deadline; false when an earlier access still holds it.
         *
         * @throws ApplyException when the thread is interrupted while it waits
         */
        boolean acquire() throws ApplyException {
            try {
                return cpuLock.tryLock(busyDeadline.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApplyException("interrupted while waiting for an earlier access to CPU " + cpu + " to return",
                        OptionalInt.of(cpu), OptionalInt.empty(), "", e);
            }
        }

        void release() {
            cpuLock.unlock();
        }

        /** Why {@code access} was not attempted: the CPU's lock stayed held past the deadline. */
        ApplyException busy(String access) {
            return new ApplyException(access + " was not attempted: CPU " + cpu + "'s devices are still busy with an "
                    + "earlier access that has not returned within " + busyDeadline.toMillis() + " ms (CPU " + cpu
                    + " is presumed hung)", OptionalInt.of(cpu), OptionalInt.empty(),
                    "check the kernel log (dmesg) about CPU " + cpu + "; a CPU that never returns from an access needs "
                            + "the machine rebooted", null);
        }

        void readExactly(int count, long offset) throws ApplyException {
            long done = channel.read(buffer, count, offset);
            requireWhole(done, count, "read");
        }

        void writeExactly(int count, long offset) throws ApplyException {
            long done = channel.write(buffer, count, offset);
            requireWhole(done, count, "wrote");
        }

        private void requireWhole(long done, int count, String verb) throws ApplyException {
            if (done != count) {
                throw new ApplyException(path + ": " + verb + " " + done + " of " + count + " bytes", "");
            }
        }

        void close() throws ApplyException {
            if (!acquire()) {
                throw busy("closing " + path);
            }
            try {
                channel.close();
            } catch (ErrnoException e) {
                throw e.in("closing " + path, OptionalInt.empty(), "");
            } finally {
                release();
            }
        }
    }
}
