package io.github.ucode4j.intel;

import static io.github.ucode4j.intel.IntelLayout.*;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the one patch that starts at an offset of a little-endian stream. Every size is checked against
 * the bytes present, in 64-bit arithmetic, before anything is read or allocated by it.
 */
final class PatchReader {
    private final ByteBuffer stream;
    private final Diagnostics diagnostics;
    private final DwordRangeSum sums;

    /** A reader that sums each checked range as it reads it. */
    PatchReader(ByteBuffer littleEndianStream, Diagnostics diagnostics) {
        this(littleEndianStream, diagnostics, (from, length) -> DwordSum.of(littleEndianStream, from, length));
    }

    /** A reader whose checksums come from {@code sums}, sums of the same stream. */
    PatchReader(ByteBuffer littleEndianStream, Diagnostics diagnostics, DwordRangeSum sums) {
        this.stream = littleEndianStream;
        this.diagnostics = diagnostics;
        this.sums = sums;
    }

    /** The patch at {@code offset}; its bytes are a read-only slice of the stream. */
    MicrocodePatch read(int offset) throws MicrocodeFormatException {
        checkHeaderStart(offset);
        Sizes sizes = sizes(offset, stream.limit() - offset);
        checkHeaderChecksum(offset, sizes.data());
        Optional<ExtendedSignatureTable> table = readExtendedTable(offset, sizes.data(), sizes.total());
        checkStrictOnlyFields(offset, sizes.total());
        IntelPatchDetails details = details(offset, table, MetadataBlock.read(stream, offset, sizes.data(), diagnostics));
        return patch(offset, sizes.total(), details);
    }

    /** Checks that a header starts at {@code offset}: the bytes for one, header and loader versions 1. */
    void checkHeaderStart(int offset) throws MicrocodeFormatException {
        int left = stream.limit() - offset;
        if (left < HEADER_SIZE) {
            throw diagnostics.error(IntelRule.TRAILING_BYTES, offset,
                    left + " byte(s) after the last patch, fewer than a " + HEADER_SIZE + "-byte header");
        }
        int headerVersion = dword(offset, HEADER_VERSION);
        if (headerVersion == IN_FIELD_SCAN_HEADER_VERSION) {
            throw diagnostics.error(IntelRule.IN_FIELD_SCAN_IMAGE, offset + HEADER_VERSION, "hdrver 2");
        }
        if (headerVersion != 1) {
            throw diagnostics.error(IntelRule.HEADER_VERSION, offset + HEADER_VERSION, "hdrver " + hex(headerVersion));
        }
        int loaderVersion = dword(offset, LOADER_VERSION);
        if (loaderVersion != 1) {
            throw diagnostics.error(IntelRule.LOADER_VERSION, offset + LOADER_VERSION, "ldrver " + hex(loaderVersion));
        }
    }

    /** The data and total sizes in effect, checked against each other and against the bytes left. */
    private Sizes sizes(int offset, int left) throws MicrocodeFormatException {
        int dataField = dword(offset, DATA_SIZE);
        if (dataField == 0) {
            if (DEFAULT_TOTAL_SIZE > left) {
                throw exceedsInput(offset, DEFAULT_TOTAL_SIZE, left);
            }
            return new Sizes(DEFAULT_DATA_SIZE, DEFAULT_TOTAL_SIZE);
        }
        long data = Integer.toUnsignedLong(dataField);
        long total = Integer.toUnsignedLong(dword(offset, TOTAL_SIZE));
        if (data % 4 != 0) {
            throw diagnostics.error(IntelRule.DATA_SIZE_ALIGNMENT, offset + DATA_SIZE, "datasize " + data);
        }
        if (total % 4 != 0) {
            throw diagnostics.error(IntelRule.TOTAL_SIZE_ALIGNMENT, offset + TOTAL_SIZE, "totalsize " + total);
        }
        if (HEADER_SIZE + data > total) {
            throw diagnostics.error(IntelRule.DATA_EXCEEDS_TOTAL, offset + DATA_SIZE,
                    "48 + datasize " + data + " > totalsize " + total);
        }
        if (total > left) {
            throw exceedsInput(offset, total, left);
        }
        return new Sizes((int) data, (int) total);
    }

    private MicrocodeFormatException exceedsInput(int offset, long total, int left) {
        return diagnostics.error(IntelRule.TOTAL_SIZE_EXCEEDS_INPUT, offset + TOTAL_SIZE,
                "totalsize " + total + ", " + left + " byte(s) left");
    }

    private void checkStrictOnlyFields(int offset, int totalSize) throws MicrocodeFormatException {
        if (totalSize % 1024 != 0) {
            diagnostics.broken(IntelRule.TOTAL_SIZE_GRANULARITY, offset + TOTAL_SIZE, "totalsize " + totalSize);
        }
        if (dword(offset, REVISION) == 0) {
            diagnostics.broken(IntelRule.ZERO_REVISION, offset + REVISION, "rev 0x0");
        }
        IntelDate date = new IntelDate(dword(offset, DATE));
        if (!date.isValid()) {
            diagnostics.broken(IntelRule.DATE, offset + DATE, "date " + hex(date.raw()));
        }
    }

    private void checkHeaderChecksum(int offset, int dataSize) throws MicrocodeFormatException {
        int sum = sums.of(offset, HEADER_SIZE + dataSize);
        if (sum != 0) {
            throw diagnostics.error(IntelRule.HEADER_CHECKSUM, offset + CHECKSUM, "sum is " + hex(sum));
        }
    }

    private Optional<ExtendedSignatureTable> readExtendedTable(int offset, int dataSize, int totalSize)
            throws MicrocodeFormatException {
        int tableOffset = offset + HEADER_SIZE + dataSize;
        long length = totalSize - HEADER_SIZE - (long) dataSize;
        if (length == 0) {
            return Optional.empty();
        }
        if (length < EXTENDED_HEADER_SIZE) {
            throw diagnostics.error(IntelRule.EXTENDED_TABLE_SIZE, tableOffset,
                    length + " byte(s) after the data, fewer than the table's " + EXTENDED_HEADER_SIZE + "-byte header");
        }
        long count = Integer.toUnsignedLong(stream.getInt(tableOffset));
        if (EXTENDED_HEADER_SIZE + EXTENDED_ENTRY_SIZE * count != length) {
            throw diagnostics.error(IntelRule.EXTENDED_TABLE_SIZE, tableOffset,
                    "count " + count + " needs " + (EXTENDED_HEADER_SIZE + EXTENDED_ENTRY_SIZE * count)
                            + " bytes, the table has " + length);
        }
        int sum = sums.of(tableOffset, (int) length);
        if (sum != 0) {
            throw diagnostics.error(IntelRule.EXTENDED_TABLE_CHECKSUM, tableOffset + 4, "sum is " + hex(sum));
        }
        int headerBalance = dword(offset, SIGNATURE) + dword(offset, PLATFORM_FLAGS) + dword(offset, CHECKSUM);
        List<ExtendedSignature> entries = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int at = tableOffset + EXTENDED_HEADER_SIZE + EXTENDED_ENTRY_SIZE * i;
            ExtendedSignature entry = new ExtendedSignature(stream.getInt(at), stream.getInt(at + 4), stream.getInt(at + 8));
            int imbalance = headerBalance - (entry.signature() + entry.platformFlags() + entry.checksum());
            if (imbalance != 0) {
                throw diagnostics.error(IntelRule.EXTENDED_ENTRY_CHECKSUM, at + 8,
                        "entry " + i + " (sig " + hex(entry.signature()) + ") is off by " + hex(imbalance));
            }
            entries.add(entry);
        }
        return Optional.of(new ExtendedSignatureTable((int) count, stream.getInt(tableOffset + 4), entries));
    }

    private IntelPatchDetails details(int offset, Optional<ExtendedSignatureTable> table, List<MetadataEntry> metadata) {
        return new IntelPatchDetails(dword(offset, HEADER_VERSION), dword(offset, REVISION),
                new IntelDate(dword(offset, DATE)), dword(offset, SIGNATURE), dword(offset, CHECKSUM),
                dword(offset, LOADER_VERSION), dword(offset, PLATFORM_FLAGS), dword(offset, DATA_SIZE),
                dword(offset, TOTAL_SIZE), dword(offset, METADATA_SIZE), dword(offset, MIN_REQUIRED_REVISION),
                dword(offset, RESERVED), metadata, table);
    }

    private MicrocodePatch patch(int offset, int totalSize, IntelPatchDetails details) {
        Set<PatchTarget> targets = new LinkedHashSet<>();
        targets.add(target(offset, details.signature(), details.platformFlags()));
        for (ExtendedSignature entry : details.extendedSignatures()) {
            targets.add(target(offset, entry.signature(), entry.platformFlags()));
        }
        int minimum = details.minimumRequiredRevision();
        return new MicrocodePatch(Vendor.INTEL, Revision.of(details.revision()), details.date().toLocalDate(),
                List.copyOf(targets), minimum == 0 ? Optional.empty() : Optional.of(Revision.of(minimum)),
                stream.slice(offset, totalSize),
                new PatchOrigin(diagnostics.source(), diagnostics.positions().sourceOffset(offset)), details);
    }

    /** A target; platform bits above 7 are reported and dropped, since no CPU has them. */
    private PatchTarget target(int offset, int signature, int platformFlags) {
        if ((platformFlags & ~0xff) != 0) {
            diagnostics.warn(IntelRule.PLATFORM_FLAGS_WIDTH, offset, "pf " + hex(platformFlags)
                    + " for sig " + hex(signature));
        }
        return new PatchTarget(CpuSignature.of(signature), PlatformFlags.of(platformFlags & 0xff));
    }

    private int dword(int offset, int field) {
        return stream.getInt(offset + field);
    }

    private static String hex(int value) {
        return "0x" + Integer.toHexString(value);
    }

    /** Bytes of data after the header, and of the whole patch; both checked against the input. */
    private record Sizes(int data, int total) {
    }
}
