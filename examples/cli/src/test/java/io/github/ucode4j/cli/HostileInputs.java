package io.github.ucode4j.cli;

import io.github.ucode4j.amd.AmdPatchBuilder;
import io.github.ucode4j.intel.IntelPatchBuilder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broken and hostile files of the catalogue, each made from a valid synthetic patch with one field changed,
 * with the rule and offset a reader must name. Offsets are those of the little-endian layouts: Intel's header
 * (checksum at 0x10, data size at 0x1c, total size at 0x20), its extended table right after the data, and an AMD
 * container with one table entry and its terminator (table length at 0x8, patch size at 0x30, patch at 0x34).
 */
enum HostileInputs {
    EMPTY_FILE("INPUT_EMPTY", 0) {
        @Override
        byte[] bytes() {
            return new byte[0];
        }
    },
    TOTAL_SIZE_NEAR_4_GIB("INTEL_TOTAL_SIZE_EXCEEDS_INPUT", 0x20) {
        @Override
        byte[] bytes() {
            return withDword(intelWithTable(), 0x20, 0xfffffff0);
        }
    },
    EXTENDED_COUNT_WRAPS_32_BITS("INTEL_EXTENDED_TABLE_SIZE", Layout.INTEL_TABLE) {
        @Override
        byte[] bytes() {
            // 20 + 12 * 0x15555556 is 2^32 + 28: a 32-bit product would wrap to the table's real length of 32
            return withDword(intelWithTable(), Layout.INTEL_TABLE, 0x15555556);
        }
    },
    DATA_SIZE_NOT_A_MULTIPLE_OF_4("INTEL_DATA_SIZE_ALIGNMENT", 0x1c) {
        @Override
        byte[] bytes() {
            return withDword(intelWithTable(), 0x1c, Layout.INTEL_DATA_SIZE + 1);
        }
    },
    HEADER_CHECKSUM("INTEL_HEADER_CHECKSUM", 0x10) {
        @Override
        byte[] bytes() {
            return withDword(intelWithTable(), 0x10, dword(intelWithTable(), 0x10) + 1);
        }
    },
    EXTENDED_TABLE_CHECKSUM("INTEL_EXTENDED_TABLE_CHECKSUM", Layout.INTEL_TABLE + 4) {
        @Override
        byte[] bytes() {
            return withDword(intelWithTable(), Layout.INTEL_TABLE + 8, 1);
        }
    },
    EXTENDED_ENTRY_CHECKSUM("INTEL_EXTENDED_ENTRY_CHECKSUM", Layout.INTEL_TABLE + 28) {
        @Override
        byte[] bytes() {
            // the entry's checksum one up and the table's one down: the table still sums to zero, the entry does not
            int entryChecksum = Layout.INTEL_TABLE + 28;
            int tableChecksum = Layout.INTEL_TABLE + 4;
            byte[] valid = intelWithTable();
            byte[] entryOff = withDword(valid, entryChecksum, dword(valid, entryChecksum) + 1);
            return withDword(entryOff, tableChecksum, dword(entryOff, tableChecksum) - 1);
        }
    },
    HEADER_VERSION_2("INTEL_IN_FIELD_SCAN_IMAGE", 0) {
        @Override
        byte[] bytes() {
            return withDword(intelWithTable(), 0, 2);
        }
    },
    AMD_PATCH_SIZE_PAST_THE_END("AMD_PATCH_TRUNCATED", 0x30) {
        @Override
        byte[] bytes() {
            return withDword(amdContainer(), 0x30, 0x10000);
        }
    },
    AMD_TABLE_LENGTH_NOT_A_MULTIPLE_OF_16("AMD_EQUIVALENCE_LENGTH", 0x8) {
        @Override
        byte[] bytes() {
            return withDword(amdContainer(), 0x8, 40);
        }
    },
    AMD_CONTAINER_INSIDE_A_CONTAINER("AMD_NESTED_CONTAINER", Layout.AMD_PATCH) {
        @Override
        byte[] bytes() {
            byte[] inner = amdContainer();
            return ByteBuffer.allocate(Layout.AMD_PATCH + inner.length).order(ByteOrder.LITTLE_ENDIAN)
                    .put(inner, 0, Layout.AMD_PATCH - 8).putInt(1).putInt(inner.length).put(inner).array();
        }
    },
    AMD_CHIPSET_SPECIFIC("AMD_CHIPSET_SPECIFIC", Layout.AMD_PATCH + 16) {
        @Override
        byte[] bytes() {
            return withDword(amdContainer(), Layout.AMD_PATCH + 16, 0x1022);
        }
    },
    TWO_GIB_SPARSE_FILE("INPUT_TOO_LARGE", 0) {
        @Override
        Path make(Path directory) throws IOException {
            Path file = directory.resolve(name());
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(2L << 30);
            }
            return file;
        }
    },
    FIFO("INPUT_UNREADABLE", 0) {
        @Override
        Path make(Path directory) throws IOException {
            Path fifo = directory.resolve(name());
            try {
                int status = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
                if (status != 0) {
                    throw new IOException("mkfifo exited with " + status);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return fifo;
        }
    },
    DEV_ZERO("INPUT_UNREADABLE", 0) {
        @Override
        Path make(Path directory) {
            return Path.of("/dev/zero");
        }
    },
    DANGLING_SYMLINK("INPUT_UNREADABLE", 0) {
        @Override
        Path make(Path directory) throws IOException {
            return Files.createSymbolicLink(directory.resolve(name()), directory.resolve("nowhere"));
        }
    },
    SYMLINK_LOOP("INPUT_UNREADABLE", 0) {
        @Override
        Path make(Path directory) throws IOException {
            Path link = directory.resolve(name());
            return Files.createSymbolicLink(link, link.getFileName());
        }
    };

    /** Offsets in the valid inputs the cases are made from. */
    private static final class Layout {
        static final int INTEL_DATA_SIZE = 944;
        static final int INTEL_TABLE = 48 + INTEL_DATA_SIZE;
        static final int AMD_PATCH = 0x34;
    }

    /** The rule's code the one error line must end with. */
    final String code;
    /** The offset the error line must name. */
    final long offset;

    HostileInputs(String code, long offset) {
        this.code = code;
        this.offset = offset;
    }

    /** The file's content, for the cases that are plain files. */
    byte[] bytes() {
        throw new UnsupportedOperationException(name() + " is not a plain file");
    }

    /** Makes the input in {@code directory}; returns its path. */
    Path make(Path directory) throws IOException {
        return Files.write(directory.resolve(name()), bytes());
    }

    /** A valid 1 KiB Intel patch: header, 944 bytes of data, an extended table of one entry (32 bytes). */
    static byte[] intelWithTable() {
        return IntelPatchBuilder.patch().dataSize(Layout.INTEL_DATA_SIZE, 1).extendedSignature(0x000906eb, 0x02).build();
    }

    /** A valid AMD container of one table entry, the terminator and one patch. */
    static byte[] amdContainer() {
        ByteBuffer container = AmdPatchBuilder.forCpu(0x17, 0x31, 0x00).build().container();
        byte[] bytes = new byte[container.remaining()];
        container.get(bytes);
        return bytes;
    }

    private static byte[] withDword(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    private static int dword(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }
}
