package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import io.github.ucode4j.linux.libc.MemoryRegion;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Memory Xen can read and write during a hypercall. Xen copies through dom0's page tables and cannot take a Linux
 * page fault, so the pages must be present and must not move: a mapping of {@code /dev/xen/hypercall} (the kernel's
 * own hypercall pages) where that device exists, else locked anonymous memory kept from children (both a
 * {@link MemoryRegion}, zero-filled). Not thread-safe: close it once, after the last hypercall that uses it; closing
 * again does nothing.
 */
final class HypercallBuffer implements AutoCloseable {
    private final MemoryRegion region;

    private HypercallBuffer(MemoryRegion region) {
        this.region = region;
    }

    /**
     * At least {@code size} bytes of hypercall-safe memory, zero-filled, from {@code device} when it exists.
     *
     * @throws ApplyException when neither kind of memory can be had, saying what to do
     */
    static HypercallBuffer allocate(Libc libc, Path device, int size) throws ApplyException {
        int fd;
        try {
            fd = libc.open(device.toString(), Libc.O_RDWR | Libc.O_CLOEXEC);
        } catch (ErrnoException e) {
            if (e.errnoValue() != Errno.ENOENT) {
                throw e.in("opening " + device, OptionalInt.empty(), "run as root in dom0");
            }
            return new HypercallBuffer(MemoryRegion.locked(libc, size));
        }
        return new HypercallBuffer(MemoryRegion.ofDevice(libc, device, fd, size));
    }

    /** The address Xen is given. */
    long address() {
        return region.address();
    }

    /** Copies {@code bytes} (position to limit) to the start of the buffer. */
    void write(ByteBuffer bytes) {
        if (bytes.remaining() > region.length()) {
            throw new IllegalArgumentException(bytes.remaining() + " bytes do not fit in " + region.length());
        }
        region.bytes().put(bytes.duplicate());
    }

    /** A copy of the first {@code count} bytes, as Xen left them. */
    ByteBuffer read(int count) {
        return ByteBuffer.allocate(count).put(region.bytes().limit(count)).flip();
    }

    /**
     * Unmaps the memory and closes the device. Idempotent.
     *
     * @throws ApplyException when the kernel refuses
     */
    @Override
    public void close() throws ApplyException {
        region.close();
    }
}
