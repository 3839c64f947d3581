package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.Libc;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real C library with chosen calls made to fail, as an {@code LD_PRELOAD} interposer would: opens of a
 * path, reads and writes through a file opened from a path, and a chosen effective user id; and writes through a
 * path held inside the call, as a CPU that does not return from an MSR write holds them. Records the memory calls
 * that went through.
 */
final class InterposedLibc implements Libc {
    private final Libc real;
    private final Map<String, Integer> openErrnos = new HashMap<>();
    private final Map<String, Integer> readErrnos = new HashMap<>();
    private final Map<String, Integer> writeErrnos = new HashMap<>();
    private final Map<String, HeldCall> heldWrites = new HashMap<>();
    private final Map<Integer, String> paths = new HashMap<>();
    private OptionalInt euid = OptionalInt.empty();
    private OptionalInt mlockErrno = OptionalInt.empty();
    private OptionalInt mmapErrno = OptionalInt.empty();
    private final List<String> memoryCalls = new ArrayList<>();

    InterposedLibc() throws ApplyException {
        this.real = JnaLibc.load();
    }

    InterposedLibc failOpen(String path, int errno) {
        openErrnos.put(path, errno);
        return this;
    }

    InterposedLibc failRead(String path, int errno) {
        readErrnos.put(path, errno);
        return this;
    }

    InterposedLibc failWrite(String path, int errno) {
        writeErrnos.put(path, errno);
        return this;
    }

    /**
     * Writes through {@code path} count {@code entered} down on the way in, then wait inside the call until
     * {@code release} opens (at most a minute, so that a failed test cannot hold its thread for ever).
     */
    InterposedLibc holdWrites(String path, CountDownLatch entered, CountDownLatch release) {
        heldWrites.put(path, new HeldCall(entered, release));
        return this;
    }

    InterposedLibc failMmap(int errno) {
        mmapErrno = OptionalInt.of(errno);
        return this;
    }

    InterposedLibc failMlock(int errno) {
        mlockErrno = OptionalInt.of(errno);
        return this;
    }

    /** The memory calls that went through, in order: {@code "mmap 4096"}, {@code "madvise 4096 10"}, ... */
    synchronized List<String> memoryCalls() {
        return List.copyOf(memoryCalls);
    }

    InterposedLibc euid(int id) {
        euid = OptionalInt.of(id);
        return this;
    }

    @Override
    public synchronized int open(String path, int flags) throws ErrnoException {
        if (openErrnos.containsKey(path)) {
            throw ErrnoException.of("open " + path, openErrnos.get(path));
        }
        int fd = real.open(path, flags);
        paths.put(fd, path);
        return fd;
    }

    @Override
    public synchronized void close(int fd) throws ErrnoException {
        paths.remove(fd);
        real.close(fd);
    }

    @Override
    public long pread(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException {
        Integer errno = readErrnos.get(pathOf(fd));
        if (errno != null) {
            throw ErrnoException.of("pread", errno);
        }
        return real.pread(fd, buffer, count, offset);
    }

    @Override
    public long pwrite(int fd, ByteBuffer buffer, long count, long offset) throws ErrnoException {
        HeldCall held = heldWrites.get(pathOf(fd));
        if (held != null) {
            held.hold();
        }
        Integer errno = writeErrnos.get(pathOf(fd));
        if (errno != null) {
            throw ErrnoException.of("pwrite", errno);
        }
        return real.pwrite(fd, buffer, count, offset);
    }

    private synchronized String pathOf(int fd) {
        return paths.getOrDefault(fd, "");
    }

    @Override
    public int ioctl(int fd, long request, ByteBuffer argument) throws ErrnoException {
        return real.ioctl(fd, request, argument);
    }

    @Override
    public synchronized long mmap(long length, int protection, int flags, int fd, long offset) throws ErrnoException {
        if (mmapErrno.isPresent()) {
            throw ErrnoException.of("mmap", mmapErrno.getAsInt());
        }
        long address = real.mmap(length, protection, flags, fd, offset);
        memoryCalls.add("mmap " + length);
        return address;
    }

    @Override
    public synchronized void munmap(long address, long length) throws ErrnoException {
        real.munmap(address, length);
        memoryCalls.add("munmap " + length);
    }

    @Override
    public synchronized void mlock(long address, long length) throws ErrnoException {
        if (mlockErrno.isPresent()) {
            throw ErrnoException.of("mlock", mlockErrno.getAsInt());
        }
        real.mlock(address, length);
        memoryCalls.add("mlock " + length);
    }

    @Override
    public synchronized void munlock(long address, long length) throws ErrnoException {
        real.munlock(address, length);
        memoryCalls.add("munlock " + length);
    }

    @Override
    public synchronized void madvise(long address, long length, int advice) throws ErrnoException {
        real.madvise(address, length, advice);
        memoryCalls.add("madvise " + length + " " + advice);
    }

    @Override
    public void schedSetaffinity(int tid, BitSet cpus) throws ErrnoException {
        real.schedSetaffinity(tid, cpus);
    }

    @Override
    public BitSet schedGetaffinity(int tid) throws ErrnoException {
        return real.schedGetaffinity(tid);
    }

    @Override
    public int schedGetcpu() throws ErrnoException {
        return real.schedGetcpu();
    }

    @Override
    public int geteuid() {
        return euid.orElse(real.geteuid());
    }

    /** A call held inside the C library until released. */
    private record HeldCall(CountDownLatch entered, CountDownLatch release) {
        void hold() throws ErrnoException {
            entered.countDown();
            try {
                if (!release.await(1, TimeUnit.MINUTES)) {
                    throw ErrnoException.of("pwrite (held a minute, never released)", Errno.EIO);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ErrnoException.of("pwrite (interrupted while held)", Errno.EIO);
            }
        }
    }
}
