package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.cache.EarlyInitramfs.Member;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.LogCapture;
import io.github.ucode4j.testing.Properties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyInitramfsTest {
    private static final MicrocodeDrivers DRIVERS = MicrocodeDrivers.load();
    private static final MicrocodeOps INTEL = DRIVERS.forVendor(Vendor.INTEL).orElseThrow();

    /** One cpio entry as read back: name, mode, inode, size, and where its data starts. */
    record Entry(String name, int mode, int inode, int size, int dataOffset) {
    }

    static List<Entry> read(ByteBuffer archive) {
        byte[] bytes = new byte[archive.remaining()];
        archive.duplicate().get(bytes);
        List<Entry> entries = new ArrayList<>();
        int offset = 0;
        while (true) {
            String header = new String(bytes, offset, 110, StandardCharsets.US_ASCII);
            assertThat(header).startsWith("070701");
            int nameSize = field(header, 11);
            // A name may be padded with NULs past its end (the minimal layout aligns data so).
            String name = new String(bytes, offset + 110, nameSize - 1, StandardCharsets.US_ASCII).split("\0", 2)[0];
            int data = (offset + 110 + nameSize + 3) & ~3;
            int size = field(header, 6);
            entries.add(new Entry(name, field(header, 1), field(header, 0), size, data));
            if (name.equals("TRAILER!!!")) {
                return entries;
            }
            offset = (data + size + 3) & ~3;
        }
    }

    private static int field(String header, int index) {
        return (int) Long.parseLong(header.substring(6 + 8 * index, 14 + 8 * index), 16);
    }

    @Test
    void laysOutIucodeToolsEarlyArchive() {
        ByteBuffer archive = EarlyInitramfs.build(List.of(Member.of(INTEL, ByteBuffer.allocate(44032))),
                EarlyInitramfs.mtimeOf(List.of(Patches.patch(Vendor.INTEL, 0x50654, 0xb7, 1, LocalDate.of(2023, 3, 6), 0))));
        List<Entry> entries = read(archive);
        assertThat(entries).extracting(Entry::name).containsExactly("kernel", "kernel/x86", "kernel/x86/microcode",
                "kernel/x86/microcode/.enuineIntel.align.0123456789abc", "kernel/x86/microcode/GenuineIntel.bin", "TRAILER!!!");
        assertThat(entries).extracting(Entry::inode).containsExactly(101, 102, 103, 104, 105, 0);
        assertThat(entries.get(4).mode()).isEqualTo(0100644);
        assertThat(entries.get(4).dataOffset()).isEqualTo(688);
        assertThat(archive.remaining()).isEqualTo(45056);
        String first = StandardCharsets.US_ASCII.decode(archive.duplicate().limit(110)).toString();
        assertThat(first.substring(46, 54)).as("mtime: 2023-03-06 12:00 UTC").isEqualTo("6405D5C0");
    }

    @Test
    void intelDataIsAlignedWhateverTheArchiveHoldsAndTheArchiveIsPaddedToBlocks() {
        Generator<Map<Vendor, ByteBuffer>> payloads = random -> {
            Map<Vendor, ByteBuffer> map = new EnumMap<>(Vendor.class);
            map.put(Vendor.INTEL, ByteBuffer.allocate(random.nextInt(1, 5000)));
            if (random.nextBoolean()) {
                map.put(Vendor.AMD, ByteBuffer.allocate(random.nextInt(1, 5000)));
            }
            return map;
        };
        Properties.forAll("Intel data on 16 bytes, archive on 1024", payloads, map -> {
            List<Member> members = new ArrayList<>();
            map.forEach((vendor, payload) -> members.add(Member.of(DRIVERS.forVendor(vendor).orElseThrow(), payload)));
            ByteBuffer archive = EarlyInitramfs.build(members, Instant.EPOCH);
            assertThat(archive.remaining() % 1024).isZero();
            List<Entry> entries = read(archive);
            Entry intel = entries.stream().filter(e -> e.name().endsWith("GenuineIntel.bin")).findFirst().orElseThrow();
            assertThat(intel.dataOffset() % 16).isZero();
            assertThat(intel.size()).isEqualTo(map.get(Vendor.INTEL).remaining());
            assertThat(entries.stream().filter(e -> e.name().endsWith("AuthenticAMD.bin")).count()).isEqualTo(map.containsKey(Vendor.AMD) ? 1 : 0);
        });
    }

    @Test
    void theMinimalArchiveHoldsOnlyTheFilesEachAlignedByItsNameAndIsPaddedTo16Bytes() {
        ByteBuffer archive = EarlyInitramfs.buildMinimal(List.of(Member.of(INTEL, ByteBuffer.allocate(44032)),
                Member.of(DRIVERS.forVendor(Vendor.AMD).orElseThrow(), ByteBuffer.allocate(50))), Instant.EPOCH);
        List<Entry> entries = read(archive);
        assertThat(entries).extracting(Entry::name).containsExactly("kernel/x86/microcode/GenuineIntel.bin",
                "kernel/x86/microcode/AuthenticAMD.bin", "TRAILER!!!");
        assertThat(entries).extracting(Entry::inode).containsExactly(101, 102, 0);
        assertThat(entries.get(0).dataOffset()).isEqualTo(160);
        assertThat(entries.get(1).size()).isEqualTo(50);
        assertThat(archive.remaining() % 16).isZero();
        assertThat(archive.remaining()).isLessThan(1024 + 44032);
    }

    @Test
    void eachFileGoesWhereItsDriverSaysAlignedAsItAsks() {
        ByteBuffer archive = EarlyInitramfs.build(List.of(
                new Member("kernel/x86/microcode/Example.bin", 8, ByteBuffer.allocate(100)),
                Member.of(DRIVERS.forVendor(Vendor.AMD).orElseThrow(), ByteBuffer.allocate(50)),
                new Member("firmware/Other.bin", 4, ByteBuffer.allocate(10))), Instant.EPOCH);
        List<Entry> entries = read(archive);
        assertThat(entries).extracting(Entry::name).containsExactly("kernel", "kernel/x86", "kernel/x86/microcode", "firmware",
                "kernel/x86/microcode/.xample.align.012345", "kernel/x86/microcode/Example.bin",
                "kernel/x86/microcode/AuthenticAMD.bin", "firmware/Other.bin", "TRAILER!!!");
        assertThat(entries.get(5).dataOffset() % 8).isZero();
    }

    @Test
    void eachMemberIsLoggedWithWhereItGoesAndItsAlignment() {
        try (LogCapture log = LogCapture.of(EarlyInitramfs.class)) {
            EarlyInitramfs.build(List.of(Member.of(INTEL, ByteBuffer.allocate(44032))), Instant.EPOCH);

            assertThat(log.lines()).containsExactly("DEBUG early initramfs: kernel/x86/microcode/GenuineIntel.bin, "
                    + "44032 bytes aligned on 16, in an archive of 45056 bytes");
        }
    }

    @Test
    void aFileIsRefusedAnAlignmentTheLayoutCannotReachOrAPathWithoutADirectory() {
        assertThatThrownBy(() -> new Member("kernel/x86/microcode/GenuineIntel.bin", 32, ByteBuffer.allocate(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("up to 16 bytes, not 32");
        assertThatThrownBy(() -> new Member("GenuineIntel.bin", 16, ByteBuffer.allocate(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a directory");
        ByteBuffer one = ByteBuffer.allocate(1);
        assertThatThrownBy(() -> EarlyInitramfs.build(List.of(Member.of(INTEL, one), Member.of(INTEL, one)), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share a path");
    }

    @Test
    void theMtimeIsTheNewestPatchDateAtNoon() {
        assertThat(EarlyInitramfs.mtimeOf(List.of(
                Patches.patch(Vendor.INTEL, 1, 1, 1, LocalDate.of(2019, 1, 1), 0),
                Patches.patch(Vendor.INTEL, 2, 1, 1, LocalDate.of(2025, 5, 12), 0))))
                .isEqualTo(Instant.parse("2025-05-12T12:00:00Z"));
        assertThat(EarlyInitramfs.mtimeOf(List.of())).isEqualTo(Instant.EPOCH);
    }
}
