package io.github.ucode4j.cache;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
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

        /** The file {@code driver}'s vendor loads early, holding {@code contents}, where and as the driver says. */
        public static Member of(MicrocodeOps driver, ByteBuffer contents) {
            return new Member(driver.earlyCpioPath(), driver.earlyCpioAlignment(), contents);
        }
    }

    /**
     * The archive holding {@code members} in the order given (Intel's first: the kernel scans for it).
     *
     * @param members each vendor's file
     * @param mtime the modification time written in every entry
     * @throws IllegalArgumentException when there is nothing to write, or two members share a path
     */
    public static ByteBuffer build(List<Member> members, Instant mtime) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an early initramfs needs at least one vendor's microcode");
        }
        if (members.stream().map(Member::path).distinct().count() < members.size()) {
            throw new IllegalArgumentException("two early initramfs files share a path: "
                    + members.stream().map(Member::path).toList());
        }
        Archive archive = new Archive(mtime.getEpochSecond());
        parentsOf(members).forEach(archive::directory);
        for (Member member : members) {
            if (member.alignment() > CPIO_ALIGNMENT) {
                archive.alignNextFileData(member);
            }
            archive.file(member.path(), member.contents());
        }
        archive.trailer();
        byte[] built = archive.finish();
        for (Member member : members) {
            LOG.log(System.Logger.Level.DEBUG, () -> "early initramfs: " + member.path() + ", " + member.contents().remaining()
                    + " bytes aligned on " + Math.max(member.alignment(), CPIO_ALIGNMENT) + ", in an archive of " + built.length + " bytes");
        }
        return ByteBuffer.wrap(built);
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

        // An empty directory whose name is just long enough that the next file's data starts on its boundary; named
        // after the file as iucode_tool names it: kernel/x86/microcode/.enuineIntel.align.0123...
        void alignNextFileData(Member next) {
            int nameStart = next.path().lastIndexOf('/') + 1;
            String stem = next.path().substring(nameStart).replaceFirst("\\.bin$", "");
            String alignmentName = next.path().substring(0, nameStart) + "." + stem.substring(Math.min(1, stem.length()))
                    + ".align.";
            int nextNameSize = next.path().length() + 1;
            int fixed = out.size() + HEADER + alignmentName.length() + 1;
            for (int digits = 0; digits <= ALIGNMENT_DIGITS.length(); digits++) {
                int nextEntry = fixed + digits;
                if (nextEntry % 4 == 0 && (nextEntry + HEADER + nextNameSize + 3) / 4 * 4 % next.alignment() == 0) {
                    directory(alignmentName + ALIGNMENT_DIGITS.substring(0, digits));
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
