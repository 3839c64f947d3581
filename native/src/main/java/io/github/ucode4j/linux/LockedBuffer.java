package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Libc;
import io.github.ucode4j.linux.libc.MemoryRegion;
import java.nio.ByteBuffer;

/**
 * A copy of some bytes in memory that the CPU can read at any moment (a locked {@link MemoryRegion}: resident,
 * every page present, not inherited by a child process), placed so that the byte at a chosen offset is aligned.
 * Not thread-safe: close it after the last use; closing again does nothing.
 */
final class LockedBuffer implements AutoCloseable {
    private final MemoryRegion region;
    private final int lead;
    private final int size;

    private LockedBuffer(MemoryRegion region, int lead, int size) {
        this.region = region;
        this.lead = lead;
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
    static LockedBuffer copyOf(Libc libc, ByteBuffer bytes, int alignedOffset, int alignment) throws ApplyException {
        if (alignment <= 0 || Integer.bitCount(alignment) != 1 || alignment > MemoryRegion.PAGE_SIZE) {
            throw new IllegalArgumentException("alignment must be a power of two up to a page: " + alignment);
        }
        int size = bytes.remaining();
        // The region is page-aligned, so the copy starts where start + alignedOffset is a multiple.
        int lead = Math.floorMod(-alignedOffset, alignment);
        MemoryRegion region = MemoryRegion.locked(libc, lead + (long) Math.max(size, 1));
        region.bytes().position(lead).put(bytes.duplicate());
        return new LockedBuffer(region, lead, size);
    }

    /** The address of the first copied byte. */
    long address() {
        return region.address() + lead;
    }

    /** The number of bytes copied. */
    int size() {
        return size;
    }

    /** The copied bytes, as the CPU reads them. */
    ByteBuffer bytes() {
        return region.bytes().position(lead).limit(lead + size).slice();
    }

    /**
     * Unlocks and unmaps the memory. Idempotent.
     *
     * @throws ApplyException when the kernel refuses
     */
    @Override
    public void close() throws ApplyException {
        region.close();
    }
}
