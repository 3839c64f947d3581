package io.github.ucode4j.cache;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The early-load initramfs: an uncompressed {@code newc} cpio archive, to be placed first in the initrd, holding
 * each vendor's file where its driver says the kernel looks ({@link MicrocodeOps#earlyCpioPath}:
 * {@code kernel/x86/microcode/GenuineIntel.bin}, {@code kernel/x86/microcode/AuthenticAMD.bin}).
 *
 * <p>The layout is iucode_tool's {@code --write-earlyfw}, so that for an Intel selection the archive is
 * byte-identical to iucode_tool's: the parent directories (inode numbers from 101, mode 040755); before a file whose
 * driver asks for more alignment than cpio's 4 bytes ({@link MicrocodeOps#earlyCpioAlignment}: Intel's 16), an empty
 * directory whose name length puts the file's data on that boundary, named after the file
 * ({@code .enuineIntel.align.0123...}); the file (mode 0100644); the trailer; and the whole archive padded to 1024
 * bytes. Every entry carries the date of the newest patch at 12:00 UTC, so the output depends only on the patches.
 * Each archive built is logged at {@code DEBUG}, one line per member.
 */
public final class EarlyInitramfs {
    private static final System.Logger LOG = System.getLogger(EarlyInitramfs.class.getName());
    private static final String MAGIC = "070701";
    private static final String ALIGNMENT_DIGITS = "0123456789abcdef";
    private static final int CPIO_ALIGNMENT = 4;
    /** The most an alignment entry can reach: its name varies by up to 16 characters. */
    private static final int MAX_ALIGNMENT = 16;
    private static final int HEADER = 110;
    private static final int FIRST_INODE = 101;
    private static final int DIRECTORY_MODE = 040755;
    private static final int FILE_MODE = 0100644;
    private static final int BLOCK = 1024;

    private EarlyInitramfs() {
    }

    /**
     * One vendor's file in the archive.
     *
     * @param path where the kernel looks for it, relative and with a directory:
     *     {@code kernel/x86/microcode/GenuineIntel.bin}
     * @param alignment the boundary its data must start on: a power of two, at most 16
     * @param contents the file, already in the vendor's format
     */
    public record Member(String path, int alignment, ByteBuffer contents) {

        /**
         * @param path where the kernel looks for the file; a directory and a name, without a trailing slash
         * @param alignment the boundary its data must start on; a power of two, at most 16
         * @param contents the file, from its position to its limit; kept as a view, not copied
         * @throws IllegalArgumentException when the path has no directory, or the alignment is not a power of two up
         *     to 16
         */
        public Member {
            if (path.indexOf('/') <= 0 || path.endsWith("/")) {
                throw new IllegalArgumentException("an early initramfs file needs a directory and a name: " + path);
            }
            if (alignment <= 0 || Integer.bitCount(alignment) != 1 || alignment > MAX_ALIGNMENT) {
                throw new IllegalArgumentException("an early initramfs file can be aligned on a power of two up to "
                        + MAX_ALIGNMENT + " bytes, not " + alignment + ": " + path);
            }
            contents = contents.duplicate();
        }

        /**
         * The file {@code driver}'s vendor loads early, holding {@code contents}, where and as the driver says.
         *
         * @param driver the vendor driver whose file this is; not null
         * @param contents the file in the vendor's format, from its position to its limit
         * @return the member at the driver's {@link MicrocodeOps#earlyCpioPath} and {@link
         *     MicrocodeOps#earlyCpioAlignment}
         */
        public static Member of(MicrocodeOps driver, ByteBuffer contents) {
            return new Member(driver.earlyCpioPath(), driver.earlyCpioAlignment(), contents);
        }
    }

    /**
     * The archive holding {@code members} in the order given (Intel's first: the kernel scans for it).
     *
     * @param members each vendor's file
     * @param mtime the modification time written in every entry
     * @return the archive's bytes, positioned at 0, a multiple of 1024 bytes long
     * @throws IllegalArgumentException when there is nothing to write, or two members share a path
     */
    public static ByteBuffer build(List<Member> members, Instant mtime) {
        requireDistinctMembers(members);
        Archive archive = new Archive(mtime.getEpochSecond());
        parentsOf(members).forEach(archive::directory);
        for (Member member : members) {
            if (member.alignment() > CPIO_ALIGNMENT) {
                archive.alignNextFileData(member);
            }
            archive.file(member.path(), member.contents());
        }
        archive.trailer();
        return logged(members, archive.finish(BLOCK));
    }

    /**
     * The minimal archive iucode_tool writes with {@code --mini-earlyfw}: no directory entries, each file (inode
     * numbers from 101) with its name padded with NULs so that its data starts on its alignment, the trailer, and
     * the whole padded to 16 bytes. Linux's early loader reads it as it reads {@link #build}'s.
     *
     * @param members each vendor's file
     * @param mtime the modification time written in every entry
     * @return the archive's bytes, positioned at 0, a multiple of 16 bytes long
     * @throws IllegalArgumentException when there is nothing to write, or two members share a path
     */
    public static ByteBuffer buildMinimal(List<Member> members, Instant mtime) {
        requireDistinctMembers(members);
        Archive archive = new Archive(mtime.getEpochSecond());
        members.forEach(archive::fileWithAlignedData);
        archive.trailer();
        return logged(members, archive.finish(MAX_ALIGNMENT));
    }

    private static ByteBuffer logged(List<Member> members, ByteBuffer archive) {
        for (Member member : members) {
            LOG.log(System.Logger.Level.DEBUG, () -> "early initramfs: " + member.path() + ", "
                    + member.contents().remaining() + " bytes aligned on " + Math.max(member.alignment(), CPIO_ALIGNMENT)
                    + ", in an archive of " + archive.remaining() + " bytes");
        }
        return archive;
    }

    private static void requireDistinctMembers(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an early initramfs needs at least one vendor's microcode");
        }
        if (members.stream().map(Member::path).distinct().count() < members.size()) {
            throw new IllegalArgumentException("two early initramfs files share a path: "
                    + members.stream().map(Member::path).toList());
        }
    }

    /** Every directory the members lie in, each after its own parent: {@code kernel}, {@code kernel/x86}, .... */
    private static Set<String> parentsOf(List<Member> members) {
        Set<String> parents = new LinkedHashSet<>();
        for (Member member : members) {
            for (int slash = member.path().indexOf('/'); slash > 0; slash = member.path().indexOf('/', slash + 1)) {
                parents.add(member.path().substring(0, slash));
            }
        }
        return parents;
    }

    /**
     * The date of the newest patch at 12:00 UTC, or the epoch when no patch carries a date.
     *
     * @param patches the patches the archive holds; may be empty
     * @return the instant to write as every entry's modification time
     */
    public static Instant mtimeOf(Collection<MicrocodePatch> patches) {
        Optional<LocalDate> newest = patches.stream().flatMap(p -> p.date().stream()).max(LocalDate::compareTo);
        return newest.map(d -> d.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC)).orElse(Instant.EPOCH);
    }

    /**
     * Lays out entries in the {@code newc} format, then copies them into one buffer of the archive's size: each
     * file's data is copied once, and the padding is the new buffer's zeros.
     */
    private static final class Archive {
        private static final HexFormat FIELD = HexFormat.of().withUpperCase();

        /** Bytes that start at an offset of the archive. */
        private record Piece(int offset, ByteBuffer bytes) {
        }

        private final List<Piece> pieces = new ArrayList<>();
        private final long mtime;
        private int size;
        private int inode = FIRST_INODE;

        Archive(long mtime) {
            this.mtime = mtime;
        }

        void directory(String name) {
            entry(name, inode++, DIRECTORY_MODE, 2, mtime, 0, true);
            pad(4);
        }

        // An empty directory whose name is just long enough that the next file's data starts on its boundary; named
        // after the file as iucode_tool names it: kernel/x86/microcode/.enuineIntel.align.0123...
        void alignNextFileData(Member next) {
            int nameStart = next.path().lastIndexOf('/') + 1;
            String stem = next.path().substring(nameStart).replaceFirst("\\.bin$", "");
            String alignmentName = next.path().substring(0, nameStart) + "." + stem.substring(Math.min(1, stem.length()))
                    + ".align.";
            int nextNameSize = next.path().length() + 1;
            int fixed = size + HEADER + alignmentName.length() + 1;
            for (int digits = 0; digits <= ALIGNMENT_DIGITS.length(); digits++) {
                int nextEntry = fixed + digits;
                if (nextEntry % 4 == 0 && (nextEntry + HEADER + nextNameSize + 3) / 4 * 4 % next.alignment() == 0) {
                    directory(alignmentName + ALIGNMENT_DIGITS.substring(0, digits));
                    return;
                }
            }
            throw new IllegalStateException("no alignment entry name fits at offset " + size);
        }

        void file(String name, ByteBuffer payload) {
            ByteBuffer data = payload.duplicate();
            entry(name, inode++, FILE_MODE, 1, mtime, data.remaining(), true);
            pad(4);
            append(data);
            pad(4);
        }

        // The name's NULs, not a directory entry, put the data on its boundary: the name size counts them.
        void fileWithAlignedData(Member member) {
            int nameSize = member.path().length() + 1;
            int dataStart = size + HEADER + nameSize;
            int alignment = member.alignment();
            int padding = alignment > CPIO_ALIGNMENT ? (alignment - dataStart % alignment) % alignment : 0;
            ByteBuffer data = member.contents().duplicate();
            entry(member.path(), padding, inode++, FILE_MODE, 1, mtime, data.remaining(), true);
            pad(4);
            append(data);
            pad(4);
        }

        void trailer() {
            entry("TRAILER!!!", 0, 0, 1, 0, 0, false);
            pad(4);
        }

        ByteBuffer finish(int multiple) {
            pad(multiple);
            ByteBuffer archive = ByteBuffer.allocate(size);
            for (Piece piece : pieces) {
                archive.put(piece.offset(), piece.bytes(), piece.bytes().position(), piece.bytes().remaining());
            }
            return archive;
        }

        private void entry(String name, int ino, int mode, int links, long time, int fileSize, boolean onDevice) {
            entry(name, 0, ino, mode, links, time, fileSize, onDevice);
        }

        private void entry(String name, int extraNuls, int ino, int mode, int links, long time, int fileSize,
                boolean onDevice) {
            byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
            int nameSize = nameBytes.length + 1 + extraNuls;
            long[] fields = {ino, mode, 0, 0, links, time, fileSize, onDevice ? 3 : 0, onDevice ? 1 : 0, 0, 0,
                nameSize, 0};
            StringBuilder header = new StringBuilder(HEADER).append(MAGIC);
            for (long field : fields) {
                header.append(FIELD.toHexDigits((int) Objects.checkIndex(field, 1L << 32)));
            }
            // The name ends with its NULs: the buffer's last bytes, left zero.
            ByteBuffer entry = ByteBuffer.allocate(HEADER + nameSize);
            append(entry.put(header.toString().getBytes(StandardCharsets.US_ASCII)).put(nameBytes).rewind());
        }

        private void append(ByteBuffer bytes) {
            pieces.add(new Piece(size, bytes));
            size = Math.addExact(size, bytes.remaining());
        }

        private void pad(int multiple) {
            size = Math.addExact(size, (multiple - size % multiple) % multiple);
        }
    }
}
