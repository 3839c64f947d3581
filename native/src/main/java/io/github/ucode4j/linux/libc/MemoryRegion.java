package io.github.ucode4j.linux.libc;

import io.github.ucode4j.api.ApplyException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Memory this process owns outside the Java heap, for the kernel or the hypervisor to read at an address: whole
 * pages mapped with {@code mmap}, every byte written at creation (zero, so every page is present), either locked
 * anonymous memory or a shared mapping of a device (whose descriptor it then owns). It has an {@linkplain #address() address} to hand over, a
 * {@linkplain #bytes() view} to fill and read, and a {@link #close} that frees it once however often it is called.
 *
 * <p>Not thread-safe: close it once nothing uses the address or a view any more; a view must not be touched after.
 */
public final class MemoryRegion implements AutoCloseable {
    /** The x86-64 base page size; a region is whole pages, page-aligned. */
    public static final int PAGE_SIZE = 4096;

    private final Libc libc;
    private final long address;
    private final long length;
    private final OptionalInt deviceFd;
    private boolean locked;
    private boolean closed;

    private MemoryRegion(Libc libc, long address, long length, OptionalInt deviceFd) {
        this.libc = libc;
        this.address = address;
        this.length = length;
        this.deviceFd = deviceFd;
    }

    /**
     * At least {@code size} bytes of anonymous private memory, zero-filled, locked ({@code mlock}: resident, never
     * paged out or moved) and not inherited by a child process ({@code MADV_DONTFORK}, so that a fork cannot make
     * the pages copy-on-write under a reader).
     *
     * @param libc the C library the memory is mapped, locked and later freed with
     * @param size how many bytes are needed; rounded up to whole pages
     * @return the region, owned by the caller, who closes it
     * @throws ApplyException when the memory cannot be mapped or locked, saying what to do
     * @throws IllegalArgumentException when {@code size} is negative or over 2 GiB
     */
    public static MemoryRegion locked(Libc libc, long size) throws ApplyException {
        long length = wholePages(size);
        MemoryRegion region;
        try {
            region = new MemoryRegion(libc, libc.mmap(length, Libc.PROT_READ | Libc.PROT_WRITE,
                    Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0), length, OptionalInt.empty());
        } catch (ErrnoException e) {
            throw e.in("mapping " + length + " bytes of memory", OptionalInt.empty(), "");
        }
        try {
            region.lock();
            region.keepFromChildren();
            region.zero();
        } catch (ApplyException | RuntimeException e) {
            region.closeAfter(e);
            throw e;
        }
        return region;
    }

    /**
     * At least {@code size} bytes of {@code device}, open as {@code fd}, mapped shared and zero-filled. The region
     * owns the descriptor from here on, and closes it after unmapping, or at once when the mapping fails.
     *
     * @param libc the C library the device is mapped, and later unmapped and closed, with
     * @param device the device's path, named in errors only
     * @param fd the device's descriptor, open for reading and writing
     * @param size how many bytes of the device to map from its start; rounded up to whole pages
     * @return the region, owned by the caller, who closes it
     * @throws ApplyException when the device cannot be mapped
     * @throws IllegalArgumentException when {@code size} is negative or over 2 GiB
     */
    public static MemoryRegion ofDevice(Libc libc, Path device, int fd, long size) throws ApplyException {
        MemoryRegion region;
        try {
            long length = wholePages(size);
            try {
                region = new MemoryRegion(libc, libc.mmap(length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0),
                        length, OptionalInt.of(fd));
            } catch (ErrnoException e) {
                throw e.in("mapping " + length + " bytes of " + device, OptionalInt.empty(), "");
            }
        } catch (ApplyException | RuntimeException e) {
            closeAfter(libc, fd, e);
            throw e;
        }
        region.zero();
        return region;
    }

    private static long wholePages(long size) {
        if (size < 0 || size > Integer.MAX_VALUE - PAGE_SIZE) {
            throw new IllegalArgumentException("a memory region holds 0 to 2 GiB, not " + size + " bytes");
        }
        return Math.max(PAGE_SIZE, (size + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE);
    }

    private void lock() throws ApplyException {
        try {
            libc.mlock(address, length);
            locked = true;
        } catch (ErrnoException e) {
            int errno = e.errnoValue();
            String remedy = errno == Errno.ENOMEM || errno == Errno.EPERM || errno == Errno.EAGAIN
                    ? "raise the locked-memory limit (ulimit -l, RLIMIT_MEMLOCK) to at least " + length / 1024
                            + " KiB more than is locked now, or run as root"
                    : "";
            throw e.in("locking " + length + " bytes in memory", OptionalInt.empty(), remedy);
        }
    }

    private void keepFromChildren() throws ApplyException {
        try {
            libc.madvise(address, length, Libc.MADV_DONTFORK);
        } catch (ErrnoException e) {
            throw e.in("keeping " + length + " bytes of locked memory from child processes", OptionalInt.empty(), "");
        }
    }

    /** Writes every byte: what is not filled in must read as zero, and every page must be present before use. */
    private void zero() {
        ByteBuffer view = bytes();
        for (int at = 0; at < length; at += Long.BYTES) {
            view.putLong(at, 0);
        }
    }

    /**
     * The address of the first byte, to hand to the kernel or the hypervisor.
     *
     * @return the address, page-aligned; still returned after {@link #close}, when it means nothing any more
     */
    public long address() {
        return address;
    }

    /**
     * The number of bytes.
     *
     * @return whole pages' worth, at least the size asked for
     */
    public long length() {
        return length;
    }

    /**
     * A view of every byte, to fill or read.
     *
     * @return a little-endian buffer over the whole region, position 0, independent of other views; valid until
     *     {@link #close}
     * @throws IllegalStateException when the region has been closed
     */
    public ByteBuffer bytes() {
        if (closed) {
            throw new IllegalStateException("the memory at 0x" + Long.toHexString(address) + " has been freed");
        }
        return JnaLibc.view(address, length);
    }

    /**
     * Unlocks and unmaps the memory, and closes the device it maps. Idempotent: only the first call frees anything.
     *
     * @throws ApplyException when the kernel refuses (each later step is still taken)
     */
    @Override
    public void close() throws ApplyException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (locked) {
                libc.munlock(address, length);
            }
        } finally {
            try {
                libc.munmap(address, length);
            } finally {
                if (deviceFd.isPresent()) {
                    libc.close(deviceFd.getAsInt());
                }
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
