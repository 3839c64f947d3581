package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.MemoryRegion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;

/**
 * Physical addresses of this process's pages, from {@code /proc/self/pagemap}: one little-endian u64 per virtual
 * page, bit 63 set when the page is present, bits 0-54 its page frame number. The kernel shows frame numbers only
 * to a process with CAP_SYS_ADMIN and zeros otherwise.
 */
final class PageMap implements PhysicalAddresses {
    private static final int ENTRY_BYTES = 8;
    private static final long PRESENT = 1L << 63;
    private static final long FRAME_MASK = (1L << 55) - 1;

    private final Path pagemap;

    PageMap(Path pagemap) {
        this.pagemap = pagemap;
    }

    /**
     * The physical address of {@code [virtualAddress, virtualAddress + length)}, which must be present and
     * physically contiguous: a CPU given a direct-map address reads the whole patch linearly from there.
     *
     * @throws ApplyException when a page is absent, its frame hidden (not root), or the pages are scattered
     */
    @Override
    public long physicalAddressOf(long virtualAddress, long length) throws ApplyException {
        long firstPage = virtualAddress / MemoryRegion.PAGE_SIZE;
        long lastPage = (virtualAddress + Math.max(length, 1) - 1) / MemoryRegion.PAGE_SIZE;
        ByteBuffer entries = readEntries(firstPage, lastPage - firstPage + 1);
        long firstFrame = frame(entries.getLong(0), firstPage);
        for (int i = 1; i <= lastPage - firstPage; i++) {
            long frame = frame(entries.getLong(i * ENTRY_BYTES), firstPage + i);
            if (frame != firstFrame + i) {
                throw new ApplyException("the patch's pages are not physically contiguous (page " + i + " is at frame 0x"
                        + Long.toHexString(frame) + ", not 0x" + Long.toHexString(firstFrame + i) + ")",
                        "use the user-address strategy, or retry: the kernel hands out frames as it pleases");
            }
        }
        return firstFrame * MemoryRegion.PAGE_SIZE + virtualAddress % MemoryRegion.PAGE_SIZE;
    }

    private long frame(long entry, long page) throws ApplyException {
        if ((entry & PRESENT) == 0) {
            throw new ApplyException("page 0x" + Long.toHexString(page * MemoryRegion.PAGE_SIZE) + " is not present in "
                    + pagemap, "the buffer must be locked and touched before its address is taken");
        }
        long frame = entry & FRAME_MASK;
        if (frame == 0) {
            throw new ApplyException(pagemap + " hides page frame numbers from this process",
                    "run as root (CAP_SYS_ADMIN) to use the kernel direct-map address");
        }
        return frame;
    }

    private ByteBuffer readEntries(long firstPage, long count) throws ApplyException {
        ByteBuffer entries = ByteBuffer.allocate(Math.toIntExact(count * ENTRY_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(pagemap, StandardOpenOption.READ)) {
            long position = firstPage * ENTRY_BYTES;
            while (entries.hasRemaining()) {
                if (channel.read(entries, position + entries.position()) < 0) {
                    throw new ApplyException(pagemap + " ends before page 0x" + Long.toHexString(firstPage * MemoryRegion.PAGE_SIZE), "");
                }
            }
        } catch (IOException e) {
            throw new ApplyException("reading " + pagemap + " failed: " + e.getMessage(), OptionalInt.empty(),
                    OptionalInt.empty(), "", e);
        }
        return entries.flip();
    }
}
