package io.github.ucode4j.xen;

import com.sun.jna.Pointer;
import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Memory Xen can read and write during a hypercall. Xen copies through dom0's page tables and cannot take a Linux
 * page fault, so the pages must be present and must not move: a mapping of {@code /dev/xen/hypercall}
 * ({@code MAP_SHARED}, the kernel's own hypercall pages) where that device exists, else anonymous memory mapped
 * with {@code MAP_LOCKED}, kept from children ({@code MADV_DONTFORK}, so a fork cannot make the pages
 * copy-on-write). Either kind is zero-filled by writing, which also makes every page present. Not thread-safe: close it once, after the last hypercall that uses it.
 */
final class HypercallBuffer implements AutoCloseable {
    /** The x86-64 base page size; mappings are whole pages. */
    static final int PAGE_SIZE = 4096;

    private final Libc libc;
    private final Pointer mapping;
    private final long length;
    private final OptionalInt deviceFd;
    private boolean closed;

    private HypercallBuffer(Libc libc, Pointer mapping, long length, OptionalInt deviceFd) {
        this.libc = libc;
        this.mapping = mapping;
        this.length = length;
        this.deviceFd = deviceFd;
    }

    /**
     * At least {@code size} bytes of hypercall-safe memory, zero-filled, from {@code device} when it exists.
     *
     * @throws ApplyException when neither kind of memory can be had, saying what to do
     */
    static HypercallBuffer allocate(Libc libc, Path device, int size) throws ApplyException {
        long length = Math.max(PAGE_SIZE, (size + (long) PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE);
        int fd;
        try {
            fd = libc.open(device.toString(), Libc.O_RDWR | Libc.O_CLOEXEC);
        } catch (ErrnoException e) {
            if (e.errnoValue() != Errno.ENOENT) {
                throw e.in("opening " + device, OptionalInt.empty(), "run as root in dom0");
            }
            return anonymous(libc, length);
        }
        HypercallBuffer buffer;
        try {
            buffer = new HypercallBuffer(libc, libc.mmap(length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0),
                    length, OptionalInt.of(fd));
        } catch (ErrnoException e) {
            ApplyException failure = e.in("mapping " + length + " bytes of " + device, OptionalInt.empty(), "");
            closeAfter(libc, fd, failure);
            throw failure;
        }
        buffer.zero();
        return buffer;
    }

    private static HypercallBuffer anonymous(Libc libc, long length) throws ApplyException {
        Pointer mapping;
        try {
            mapping = libc.mmap(length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS | Libc.MAP_LOCKED, -1, 0);
        } catch (ErrnoException e) {
            String remedy = e.errnoValue() == Errno.EAGAIN || e.errnoValue() == Errno.ENOMEM || e.errnoValue() == Errno.EPERM
                    ? "raise the locked-memory limit (ulimit -l, RLIMIT_MEMLOCK) by " + length / 1024 + " KiB, or run as root"
                    : "";
            throw e.in("mapping " + length + " bytes of locked memory", OptionalInt.empty(), remedy);
        }
        HypercallBuffer buffer = new HypercallBuffer(libc, mapping, length, OptionalInt.empty());
        try {
            libc.madvise(mapping, length, Libc.MADV_DONTFORK);
        } catch (ErrnoException e) {
            ApplyException failure = e.in("keeping the hypercall buffer from child processes", OptionalInt.empty(), "");
            buffer.closeAfter(failure);
            throw failure;
        }
        buffer.zero();
        return buffer;
    }

    /** Writes every byte: unused op bytes must be zero, and every page must be present before Xen looks. */
    private void zero() {
        mapping.setMemory(0, length, (byte) 0);
    }

    /** The address Xen is given. */
    long address() {
        return Pointer.nativeValue(mapping);
    }

    /** Copies {@code bytes} (position to limit) to the start of the buffer. */
    void write(ByteBuffer bytes) {
        if (bytes.remaining() > length) {
            throw new IllegalArgumentException(bytes.remaining() + " bytes do not fit in " + length);
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        mapping.write(0, copy, 0, copy.length);
    }

    /** A copy of the first {@code count} bytes, as Xen left them. */
    ByteBuffer read(int count) {
        return ByteBuffer.wrap(mapping.getByteArray(0, count));
    }

    /**
     * Unmaps the memory and closes the device. Idempotent.
     *
     * @throws ApplyException when the kernel refuses
     */
    @Override
    public void close() throws ApplyException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            libc.munmap(mapping, length);
        } finally {
            if (deviceFd.isPresent()) {
                libc.close(deviceFd.getAsInt());
            }
        }
    }

    private void closeAfter(Exception failure) {
        try {
            close();
        } catch (ApplyException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeAfter(Libc libc, int fd, Exception failure) {
        try {
            libc.close(fd);
        } catch (ErrnoException e) {
            failure.addSuppressed(e);
        }
    }
}
