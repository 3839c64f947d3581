package io.github.ucode4j.intel;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the metadata block of one patch: the last {@code metasize} bytes of its data, entries of whole dwords laid
 * back to back. The block ends with an entry of type 0 or where its last entry ends: Intel's own 2024 files have
 * both (06-aa-04 of release 20240312 holds one type-2 entry that fills the block). Loaders ignore the block, so a
 * malformed one is a warning naming where it breaks, and reads as empty.
 */
final class MetadataBlock {
    private MetadataBlock() {
    }

    /** The entries of the patch at {@code patch} of {@code stream}, whose data is {@code dataSize} bytes. */
    static List<MetadataEntry> read(ByteBuffer stream, int patch, int dataSize, Diagnostics diagnostics) {
        long blockSize = Integer.toUnsignedLong(stream.getInt(patch + IntelLayout.METADATA_SIZE));
        if (blockSize == 0) {
            return List.of();
        }
        if (blockSize > dataSize || blockSize % 4 != 0) {
            diagnostics.warn(IntelRule.METADATA, patch + IntelLayout.METADATA_SIZE,
                    "metasize " + blockSize + " with datasize " + Integer.toUnsignedLong(dataSize));
            return List.of();
        }
        int end = IntelLayout.HEADER_SIZE + dataSize;
        List<MetadataEntry> entries = new ArrayList<>();
        for (int at = end - (int) blockSize; at < end; ) {
            if (end - at < MetadataEntry.TYPE_AND_SIZE) {
                diagnostics.warn(IntelRule.METADATA, patch + at, (end - at) + " byte(s) left in the block, fewer "
                        + "than an entry's " + MetadataEntry.TYPE_AND_SIZE + "-byte type and size");
                return List.of();
            }
            int type = stream.getInt(patch + at);
            long size = Integer.toUnsignedLong(stream.getInt(patch + at + 4));
            if (size < MetadataEntry.TYPE_AND_SIZE || size % 4 != 0 || at + size > end) {
                diagnostics.warn(IntelRule.METADATA, patch + at, "entry type " + Integer.toUnsignedLong(type)
                        + " of size " + size + ", " + (end - at) + " byte(s) left in the block");
                return List.of();
            }
            int payload = patch + at + MetadataEntry.TYPE_AND_SIZE;
            entries.add(new MetadataEntry(type, (int) size, at,
                    stream.slice(payload, (int) size - MetadataEntry.TYPE_AND_SIZE)));
            if (type == MetadataEntry.END) {
                break;
            }
            at += (int) size;
        }
        return entries;
    }
}
