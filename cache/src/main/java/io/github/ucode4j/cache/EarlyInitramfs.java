package io.github.ucode4j.cache;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The early-load initramfs: an uncompressed {@code newc} cpio archive, to be placed first in the initrd, holding
 * {@code kernel/x86/microcode/GenuineIntel.bin} and/or {@code kernel/x86/microcode/AuthenticAMD.bin}.
 *
 * <p>The layout is iucode_tool's {@code --write-earlyfw}, so that for an Intel selection the archive is
 * byte-identical to iucode_tool's: the three parent directories (inode numbers from 101, mode 040755), an empty
 * directory whose name length puts the Intel data on a 16-byte boundary (several kernels required that), the file
 * (mode 0100644), the trailer, and the whole archive padded to 1024 bytes. Every entry carries the date of the
 * newest patch at 12:00 UTC, so the output depends only on the patches.
 */
public final class EarlyInitramfs {
    private static final String DIRECTORY = "kernel/x86/microcode";
    private static final String[] PARENTS = {"kernel", "kernel/x86", DIRECTORY};
    private static final String ALIGNMENT_NAME = DIRECTORY + "/.enuineIntel.align.";
    private static final String ALIGNMENT_DIGITS = "0123456789abcdef";
    private static final int HEADER = 110;
    private static final int FIRST_INODE = 101;
    private static final int DIRECTORY_MODE = 040755;
    private static final int FILE_MODE = 0100644;
    private static final int BLOCK = 1024;
    private static final int DATA_ALIGNMENT = 16;

    private EarlyInitramfs() {
    }

    /**
     * The archive holding each vendor's payload (already in the vendor's file format) under its early path.
     *
     * @param payloads the file contents by vendor; Intel's first, as the kernel scans for it
     * @param mtime the modification time written in every entry
     * @throws IllegalArgumentException when there is nothing to write
     */
    public static ByteBuffer build(Map<Vendor, ByteBuffer> payloads, Instant mtime) {
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("an early initramfs needs at least one vendor's microcode");
        }
        Map<Vendor, ByteBuffer> ordered = new EnumMap<>(payloads);
        Archive archive = new Archive(mtime.getEpochSecond());
        for (String parent : PARENTS) {
            archive.directory(parent);
        }
        ordered.forEach((vendor, payload) -> {
            String path = DIRECTORY + "/" + vendor.cpuidName() + ".bin";
            if (vendor == Vendor.INTEL) {
                archive.alignNextFileData(path);
            }
            archive.file(path, payload);
        });
        archive.trailer();
        return ByteBuffer.wrap(archive.finish());
    }

    /** The date of the newest patch at 12:00 UTC, or the epoch when no patch carries a date. */
    public static Instant mtimeOf(Collection<MicrocodePatch> patches) {
        Optional<LocalDate> newest = patches.stream().flatMap(p -> p.date().stream()).max(LocalDate::compareTo);
        return newest.map(d -> d.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC)).orElse(Instant.EPOCH);
    }

    /** Writes entries in the {@code newc} format. */
    private static final class Archive {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final long mtime;
        private int inode = FIRST_INODE;

        Archive(long mtime) {
            this.mtime = mtime;
        }

        void directory(String name) {
            entry(name, inode++, DIRECTORY_MODE, 2, mtime, 0, true);
            pad(4);
        }

        // An empty directory whose name is just long enough that the next file's data starts on 16 bytes.
        void alignNextFileData(String nextPath) {
            int nextNameSize = nextPath.length() + 1;
            int fixed = out.size() + HEADER + ALIGNMENT_NAME.length() + 1;
            for (int digits = 0; digits <= ALIGNMENT_DIGITS.length(); digits++) {
                int nextEntry = fixed + digits;
                if (nextEntry % 4 == 0 && (nextEntry + HEADER + nextNameSize + 3) / 4 * 4 % DATA_ALIGNMENT == 0) {
                    directory(ALIGNMENT_NAME + ALIGNMENT_DIGITS.substring(0, digits));
                    return;
                }
            }
            throw new IllegalStateException("no alignment entry name fits at offset " + out.size());
        }

        void file(String name, ByteBuffer payload) {
            ByteBuffer data = payload.duplicate();
            entry(name, inode++, FILE_MODE, 1, mtime, data.remaining(), true);
            pad(4);
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            out.writeBytes(bytes);
            pad(4);
        }

        void trailer() {
            entry("TRAILER!!!", 0, 0, 1, 0, 0, false);
            pad(4);
        }

        byte[] finish() {
            pad(BLOCK);
            return out.toByteArray();
        }

        private void entry(String name, int ino, int mode, int links, long time, int size, boolean onDevice) {
            byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
            String header = "070701" + hex(ino) + hex(mode) + hex(0) + hex(0) + hex(links) + hex(time) + hex(size)
                    + hex(onDevice ? 3 : 0) + hex(onDevice ? 1 : 0) + hex(0) + hex(0) + hex(nameBytes.length + 1) + hex(0);
            out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(nameBytes);
            out.write(0);
        }

        private void pad(int multiple) {
            while (out.size() % multiple != 0) {
                out.write(0);
            }
        }

        private static String hex(long value) {
            return String.format("%08X", Objects.checkIndex(value, 1L << 32));
        }
    }
}
