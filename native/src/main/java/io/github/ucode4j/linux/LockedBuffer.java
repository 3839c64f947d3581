package io.github.ucode4j.linux;

import com.sun.jna.Pointer;
import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * A copy of some bytes in memory that the CPU can read at any moment: an anonymous private mapping, locked
 * ({@code mlock}), every page written (so present), not inherited by a child process ({@code MADV_DONTFORK}), and
 * placed so that the byte at a chosen offset is aligned. Not thread-safe: close it once, after the last use.
 */
public final class LockedBuffer implements AutoCloseable {
    /** The x86-64 base page size; mappings are whole pages. */
    static final int PAGE_SIZE = 4096;

    private final Libc libc;
    private final Pointer mapping;
    private final long mappingLength;
    private final long start;
    private final int size;
    private boolean closed;

    private LockedBuffer(Libc libc, Pointer mapping, long mappingLength, long start, int size) {
        this.libc = libc;
        this.mapping = mapping;
        this.mappingLength = mappingLength;
        this.start = start;
        this.size = size;
    }

    /**
     * Copies {@code bytes} (position to limit) into locked memory so that the byte at {@code alignedOffset} lies on
     * an {@code alignment}-byte boundary: Intel wants its update data (offset 48) 16-byte aligned, AMD its patch
     * header (offset 0).
     *
     * @throws ApplyException when memory cannot be mapped or locked, saying what to do
     * @throws IllegalArgumentException when {@code alignment} is not a power of two up to a page
     */
    public static LockedBuffer copyOf(Libc libc, ByteBuffer bytes, int alignedOffset, int alignment) throws ApplyException {
        if (alignment <= 0 || Integer.bitCount(alignment) != 1 || alignment > PAGE_SIZE) {
            throw new IllegalArgumentException("alignment must be a power of two up to a page: " + alignment);
        }
        int size = bytes.remaining();
        // The mapping is page-aligned, so the start is chosen such that start + alignedOffset is a multiple.
        long lead = Math.floorMod(-(long) alignedOffset, alignment);
        long length = roundUpToPage(lead + Math.max(size, 1));
        Pointer mapping = libc.mmap(length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_PRIVATE | Libc.MAP_ANONYMOUS, -1, 0);
        LockedBuffer buffer = new LockedBuffer(libc, mapping, length, Pointer.nativeValue(mapping) + lead, size);
        try {
            lock(libc, mapping, length);
            libc.madvise(mapping, length, Libc.MADV_DONTFORK);
            buffer.fill(bytes.duplicate(), lead);
        } catch (ApplyException | RuntimeException e) {
            buffer.closeAfter(e);
            throw e;
        }
        return buffer;
    }

    private static void lock(Libc libc, Pointer mapping, long length) throws ApplyException {
        try {
            libc.mlock(mapping, length);
        } catch (ErrnoException e) {
            String remedy = e.errnoValue() == Errno.ENOMEM || e.errnoValue() == Errno.EPERM
                    ? "raise the locked-memory limit (ulimit -l, RLIMIT_MEMLOCK) to at least " + length / 1024
                            + " KiB more than is locked now, or run as root"
                    : "";
            throw e.in("locking " + length + " bytes in memory", OptionalInt.empty(), remedy);
        }
    }

    /** Writes every page: first a zero per page (all present), then the bytes at their place. */
    private void fill(ByteBuffer bytes, long lead) {
        for (long page = 0; page < mappingLength; page += PAGE_SIZE) {
            mapping.setByte(page, (byte) 0);
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        mapping.write(lead, copy, 0, copy.length);
    }

    private static long roundUpToPage(long length) {
        return (length + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE;
    }

    /** The address of the first copied byte. */
    public long address() {
        return start;
    }

    /** The number of bytes copied. */
    public int size() {
        return size;
    }

    /** A pointer to the first copied byte. */
    public Pointer pointer() {
        return new Pointer(start);
    }

    /**
     * Unlocks and unmaps the memory. Idempotent.
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
            libc.munlock(mapping, mappingLength);
        } finally {
            libc.munmap(mapping, mappingLength);
        }
    }

    private void closeAfter(Exception failure) {
        try {
            close();
        } catch (ApplyException e) {
            failure.addSuppressed(e);
        }
    }
}
