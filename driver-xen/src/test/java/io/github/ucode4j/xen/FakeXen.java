package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.Libc;
import io.github.ucode4j.linux.libc.MemoryRegion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dom0 C library with a fake Xen behind the privcmd ioctl. Files open only where the fixture tree has them;
 * {@code mmap} hands out real memory (a region of this process's own C library), so that the fake reads the op and
 * the blob at the addresses it is given, as Xen would. Every ioctl is recorded byte for byte; Xen answers per command from the CPUs it is given.
 * Thread-safe enough for one load on a worker thread: every method is synchronized except the wait for release.
 */
final class FakeXen implements Libc {
    // IA32_PLATFORM_ID and IA32_BIOS_SIGN_ID / PATCH_LEVEL, as dom0's msr device shows them.
    private static final long PLATFORM_ID_MSR = 0x17;
    private static final long REVISION_MSR = 0x8B;
    static final int ENOTTY = 25;
    private static final Pattern MSR_DEVICE = Pattern.compile("/cpu/(\\d+)/msr$");

    /** One physical CPU as the fake Xen reports it. */
    record Cpu(int flags, String vendor, int family, int model, int stepping, int signature, int pf, int revision) {
        static Cpu online(String vendor, int signature, int pf, int revision) {
            CpuSignature sig = CpuSignature.of(signature);
            return new Cpu(PhysicalCpuInfo.ONLINE, vendor, sig.family(), sig.model(), sig.stepping(), signature, pf, revision);
        }

        Cpu offline() {
            return new Cpu(0, vendor, family, model, stepping, signature, pf, revision);
        }

        Cpu withPlatformFlags(int newPf) {
            return new Cpu(flags, vendor, family, model, stepping, signature, newPf, revision);
        }

        Cpu withRevision(int newRevision) {
            return new Cpu(flags, vendor, family, model, stepping, signature, pf, newRevision);
        }
    }

    /** One ioctl: the request, its 48-byte argument, and for a platform op the op and any blob Xen read. */
    record Ioctl(int fd, long request, ByteBuffer argument, ByteBuffer op, ByteBuffer blob) {
        long hypercall() {
            return argument.getLong(0);
        }

        int command() {
            return op.getInt(0);
        }
    }

    /** One mmap. */
    record Mapping(long address, long length, int protection, int flags, String file) {
    }

    private final XenVersion version;
    private final List<Cpu> cpus;
    private final Deque<Integer> loadAnswers = new ArrayDeque<>();
    private int euid;
    private int revisionAfterLoad;
    private int threadsPerCore = 1;
    private int topologyAnswer;
    private CountDownLatch release = new CountDownLatch(0);

    private final Map<Integer, String> openFiles = new HashMap<>();
    private final Map<Long, MemoryRegion> memory = new HashMap<>();
    private int nextFd = 100;

    final List<String> opened = new ArrayList<>();
    final List<Integer> openFlags = new ArrayList<>();
    final List<Ioctl> ioctls = new ArrayList<>();
    final List<Mapping> mappings = new ArrayList<>();
    final List<String> advice = new ArrayList<>();
    /** The mlock calls, as {@code address+length}. */
    final List<String> locks = new ArrayList<>();
    /** The MSRs read through dom0's msr devices, in order. */
    final List<Long> msrReads = new ArrayList<>();

    FakeXen(XenVersion version, List<Cpu> cpus) {
        this.version = version;
        this.cpus = new ArrayList<>(cpus);
    }

    /** Loads answer these errnos in turn (0: loaded), then 0. */
    synchronized FakeXen answeringLoads(int... errnos) {
        for (int errno : errnos) {
            loadAnswers.add(errno);
        }
        return this;
    }

    /** A successful load moves every CPU to {@code revision}. */
    synchronized FakeXen loadingRevision(int revision) {
        revisionAfterLoad = revision;
        return this;
    }

    /** Loads wait (up to 10 s) until {@code latch} opens. */
    synchronized FakeXen holdingLoadsUntil(CountDownLatch latch) {
        release = latch;
        return this;
    }

    /** Physical CPU N sits on core N / {@code threads} of socket 0. */
    synchronized FakeXen withThreadsPerCore(int threads) {
        threadsPerCore = threads;
        return this;
    }

    /** XEN_SYSCTL_cputopoinfo answers {@code errno}. */
    synchronized FakeXen answeringTopology(int errno) {
        topologyAnswer = errno;
        return this;
    }

    synchronized FakeXen asUser(int id) {
        euid = id;
        return this;
    }

    /** The platform ops Xen saw, in order. */
    synchronized List<Ioctl> platformOps() {
        return ioctls.stream().filter(i -> i.hypercall() == Hypercall.PLATFORM_OP).toList();
    }

    /** The microcode loads Xen saw. */
    synchronized List<Ioctl> loads() {
        return platformOps().stream().filter(i -> i.command() == PlatformOp.MICROCODE_UPDATE
                || i.command() == PlatformOp.MICROCODE_UPDATE2).toList();
    }

    /** Whether every file opened was closed and every mapping unmapped. */
    synchronized boolean released() {
        return openFiles.isEmpty() && memory.isEmpty();
    }

    @Override
    public synchronized int open(String path, int flags) throws ErrnoException {
        if (!Files.exists(Path.of(path))) {
            throw ErrnoException.of("open " + path, Errno.ENOENT);
        }
        opened.add(path);
        openFlags.add(flags);
        int fd = nextFd++;
        openFiles.put(fd, path);
        return fd;
    }

    @Override
    public synchronized void close(int fd) throws ErrnoException {
        if (openFiles.remove(fd) == null) {
            throw ErrnoException.of("close", Errno.EBADF);
        }
    }

    @Override
    public synchronized long mmap(long length, int protection, int flags, int fd, long offset) throws ErrnoException {
        if (fd != -1 && !openFiles.containsKey(fd)) {
            throw ErrnoException.of("mmap", Errno.EBADF);
        }
        MemoryRegion pages;
        try {
            pages = MemoryRegion.locked(JnaLibc.load(), length);
        } catch (ApplyException e) {
            throw new AssertionError("the fake Xen needs real memory", e);
        }
        memory.put(pages.address(), pages);
        mappings.add(new Mapping(pages.address(), length, protection, flags, fd == -1 ? null : openFiles.get(fd)));
        return pages.address();
    }

    @Override
    public synchronized void munmap(long address, long length) throws ErrnoException {
        MemoryRegion pages = memory.remove(address);
        if (pages == null || pages.length() != length) {
            throw ErrnoException.of("munmap", Errno.EINVAL);
        }
        try {
            pages.close();
        } catch (ApplyException e) {
            throw new AssertionError("the fake Xen could not free its memory", e);
        }
    }

    @Override
    public synchronized void madvise(long address, long length, int advice) {
        this.advice.add(Long.toHexString(address) + "+" + length + ":" + advice);
    }

    /** The {@code length} bytes at {@code address}, which must lie in memory this fake mapped. */
    private synchronized ByteBuffer at(long address, int length) {
        for (MemoryRegion pages : memory.values()) {
            long offset = address - pages.address();
            if (offset >= 0 && offset + length <= pages.length()) {
                return pages.bytes().position((int) offset).limit((int) offset + length).slice().order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        throw new AssertionError("Xen was handed 0x" + Long.toHexString(address) + ", which is not hypercall memory");
    }

    private ByteBuffer copyAt(long address, int length) {
        return le(bytesOf(at(address, length)));
    }

    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    @Override
    public synchronized int geteuid() {
        return euid;
    }

    @Override
    public int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException {
        ByteBuffer call = le(bytesOf(argument.duplicate().limit(argument.position() + Hypercall.SIZE)));
        synchronized (this) {
            if (!openFiles.getOrDefault(fd, "").endsWith("privcmd")) {
                throw ErrnoException.of("ioctl", ENOTTY);
            }
            if (request != Hypercall.IOCTL_PRIVCMD_HYPERCALL) {
                throw ErrnoException.of("ioctl", Errno.EINVAL);
            }
            if (call.getLong(0) == Hypercall.XEN_VERSION) {
                ioctls.add(new Ioctl(fd, request, call, null, null));
                return call.getLong(8) == Hypercall.XENVER_VERSION ? version.major() << 16 | version.minor() : -1;
            }
            if (call.getLong(0) == Hypercall.SYSCTL) {
                ByteBuffer sysctl = at(call.getLong(8), SysctlOp.SIZE);
                ioctls.add(new Ioctl(fd, request, call, le(bytesOf(sysctl)), null));
                return answerSysctl(sysctl);
            }
        }
        ByteBuffer opMemory = at(call.getLong(8), PlatformOp.SIZE);
        ByteBuffer op = le(bytesOf(opMemory));
        int cmd = op.getInt(0);
        ByteBuffer blob = cmd == PlatformOp.MICROCODE_UPDATE ? copyAt(op.getLong(8), op.getInt(16))
                : cmd == PlatformOp.MICROCODE_UPDATE2 ? copyAt(op.getLong(16), op.getInt(12)) : null;
        synchronized (this) {
            ioctls.add(new Ioctl(fd, request, call, op, blob));
        }
        if (blob != null) {
            awaitRelease();
        }
        synchronized (this) {
            return answer(cmd, op, opMemory);
        }
    }

    private void awaitRelease() throws ErrnoException {
        try {
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the load");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrnoException.of("ioctl", Errno.EINVAL);
        }
    }

    private int answer(int cmd, ByteBuffer op, ByteBuffer opMemory) throws ErrnoException {
        if (op.getInt(4) != PlatformOp.INTERFACE_VERSION) {
            throw ErrnoException.of("ioctl", Errno.EACCES);
        }
        int cpu = op.getInt(8);
        switch (cmd) {
            case PlatformOp.MICROCODE_UPDATE, PlatformOp.MICROCODE_UPDATE2 -> {
                if (cmd == PlatformOp.MICROCODE_UPDATE2 && !version.atLeast(XenVersion.FORCED_LOAD)) {
                    throw ErrnoException.of("ioctl", Errno.ENOSYS);
                }
                int errno = loadAnswers.isEmpty() ? 0 : loadAnswers.poll();
                if (errno != 0) {
                    throw ErrnoException.of("ioctl", errno);
                }
                cpus.replaceAll(c -> revisionAfterLoad == 0 ? c : c.withRevision(revisionAfterLoad));
            }
            case PlatformOp.GET_CPUINFO -> {
                Cpu known = cpu < cpus.size() ? cpus.get(cpu) : null;
                opMemory.putInt(12, cpus.size() - 1);
                opMemory.putInt(16, known == null ? PhysicalCpuInfo.INVALID : known.flags());
                opMemory.putInt(20, cpu * 2);
                opMemory.putInt(24, cpu);
            }
            case PlatformOp.GET_CPU_VERSION -> {
                Cpu known = cpus.get(cpu);
                opMemory.putInt(12, cpus.size() - 1);
                if ((known.flags() & PhysicalCpuInfo.ONLINE) != 0) {
                    byte[] vendor = known.vendor().getBytes(StandardCharsets.US_ASCII);
                    opMemory.put(16, vendor, 0, Math.min(12, vendor.length));
                    opMemory.putInt(28, known.family());
                    opMemory.putInt(32, known.model());
                    opMemory.putInt(36, known.stepping());
                }
            }
            case PlatformOp.GET_UCODE_REVISION -> {
                if (!version.atLeast(XenVersion.REVISION_HYPERCALL)) {
                    throw ErrnoException.of("ioctl", Errno.ENOSYS);
                }
                Cpu known = cpus.get(cpu);
                if ((known.flags() & PhysicalCpuInfo.ONLINE) == 0) {
                    throw ErrnoException.of("ioctl", Errno.ENOENT);
                }
                opMemory.putInt(12, known.signature());
                opMemory.putInt(16, known.pf());
                opMemory.putInt(20, known.revision());
            }
            default -> throw ErrnoException.of("ioctl", Errno.ENOSYS);
        }
        return 0;
    }

    /**
     * XEN_SYSCTL_cputopoinfo as Xen answers it: EACCES unless the interface version is this Xen's, else the entries of
     * the CPUs up to the last online one (as many as fit), with how many were filled written back.
     */
    private int answerSysctl(ByteBuffer op) throws ErrnoException {
        int interfaceVersion = version.atLeast(new XenVersion(4, 21)) ? 0x16 : version.atLeast(new XenVersion(4, 17)) ? 0x15 : 0x14;
        if (op.getInt(4) != interfaceVersion) {
            throw ErrnoException.of("ioctl", Errno.EACCES);
        }
        if (op.getInt(0) != SysctlOp.CPUTOPOINFO) {
            throw ErrnoException.of("ioctl", Errno.ENOSYS);
        }
        if (topologyAnswer != 0) {
            throw ErrnoException.of("ioctl", topologyAnswer);
        }
        int lastOnline = -1;
        for (int cpu = 0; cpu < cpus.size(); cpu++) {
            lastOnline = (cpus.get(cpu).flags() & PhysicalCpuInfo.ONLINE) != 0 ? cpu : lastOnline;
        }
        int filled = Math.min(lastOnline + 1, op.getInt(8));
        ByteBuffer entries = at(op.getLong(16), filled * PhysicalCore.SIZE);
        for (int cpu = 0; cpu < filled; cpu++) {
            entries.putInt(cpu * PhysicalCore.SIZE, cpu / threadsPerCore);
            entries.putInt(cpu * PhysicalCore.SIZE + 4, 0);
            entries.putInt(cpu * PhysicalCore.SIZE + 8, 0);
        }
        op.putInt(8, filled);
        return 0;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * dom0's msr devices, read as Xen passes them through: virtual CPU N runs on physical CPU N modulo their count and
     * reads its MSR 0x17 (Intel: the platform id its flags select) and MSR 0x8B (the revision, Intel in the high
     * dword); every other MSR raises #GP (EIO). The device files must be in the fixture tree to open.
     */
    @Override
    public synchronized long pread(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException {
        Matcher device = MSR_DEVICE.matcher(openFiles.getOrDefault(fd, ""));
        if (!device.find() || count != Long.BYTES) {
            throw new UnsupportedOperationException("not a read of dom0's msr device: " + openFiles.get(fd));
        }
        msrReads.add(offset);
        Cpu physical = cpus.get(Integer.parseInt(device.group(1)) % cpus.size());
        boolean intel = physical.vendor().equals("GenuineIntel");
        long value;
        if (offset == PLATFORM_ID_MSR && intel) {
            value = (long) Integer.numberOfTrailingZeros(physical.pf()) << 50;
        } else if (offset == REVISION_MSR) {
            value = intel ? Integer.toUnsignedLong(physical.revision()) << 32 : Integer.toUnsignedLong(physical.revision());
        } else {
            throw ErrnoException.of("pread", Errno.EIO);
        }
        buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).putLong(buffer.position(), value);
        return Long.BYTES;
    }

    @Override
    public long pwrite(int fd, ByteBuffer buffer, long count, long offset) {
        throw new UnsupportedOperationException("not a Xen call");
    }

    @Override
    public synchronized void mlock(long address, long length) {
        locks.add(Long.toHexString(address) + "+" + length);
    }

    @Override
    public synchronized void munlock(long address, long length) {
        // The fake's pages are freed whole by munmap.
    }

    @Override
    public void schedSetaffinity(int tid, BitSet cpus) {
        throw new UnsupportedOperationException("not a Xen call");
    }

    @Override
    public BitSet schedGetaffinity(int tid) {
        throw new UnsupportedOperationException("not a Xen call");
    }

    @Override
    public int schedGetcpu() {
        throw new UnsupportedOperationException("not a Xen call");
    }
}
