package io.github.ucode4j.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Byte-exact structures: the 48-byte privcmd argument, and the 136-byte platform and sysctl op of every command used. */
class EncodingTest {
    private static final long DATA = 0x00007f12_3456_7000L;

    /** Every byte outside {@code used} (offsets of u32/u64 fields already checked) is zero. */
    private static void zeroOutside(ByteBuffer bytes, Set<Integer> usedBytes) {
        for (int i = 0; i < bytes.capacity(); i++) {
            if (!usedBytes.contains(i)) {
                assertThat(bytes.get(i)).as("byte %d", i).isZero();
            }
        }
    }

    private static Set<Integer> range(int from, int to, Set<Integer> more) {
        Set<Integer> used = new HashSet<>(more);
        for (int i = from; i < to; i++) {
            used.add(i);
        }
        return used;
    }

    private static void assertHeader(ByteBuffer op, int cmd) {
        assertThat(op.capacity()).isEqualTo(136);
        assertThat(op.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(op.getInt(0)).isEqualTo(cmd);
        assertThat(op.getInt(4)).isEqualTo(0x03000001);
    }

    @Test
    void thePrivcmdArgumentIsOpSevenWithTheOpAddressInArgZero() {
        ByteBuffer call = Hypercall.platformOp(0x1234_5678_9000L).encode();

        assertThat(Hypercall.IOCTL_PRIVCMD_HYPERCALL).isEqualTo(0x00305000L);
        assertThat(call.capacity()).isEqualTo(48);
        assertThat(call.getLong(0)).isEqualTo(7);
        assertThat(call.getLong(8)).isEqualTo(0x1234_5678_9000L);
        zeroOutside(call, range(0, 16, Set.of()));
        assertThat(call.get(0)).isEqualTo((byte) 7);
        assertThat(call.get(8)).isEqualTo((byte) 0x00);
        assertThat(call.get(9)).isEqualTo((byte) 0x90);
    }

    @Test
    void xenVersionIsOpSeventeenWithCommandZeroAndNoBuffer() {
        ByteBuffer call = Hypercall.xenVersion().encode();

        assertThat(call.capacity()).isEqualTo(48);
        assertThat(call.getLong(0)).isEqualTo(17);
        zeroOutside(call, range(0, 8, Set.of()));
    }

    @Test
    void microcodeUpdateCarriesDataAtEightAndLengthAtSixteen() {
        ByteBuffer op = PlatformOp.microcodeUpdate(DATA, 15296);

        assertHeader(op, 35);
        assertThat(op.getLong(8)).isEqualTo(DATA);
        assertThat(op.getInt(16)).isEqualTo(15296);
        zeroOutside(op, range(0, 20, Set.of()));
    }

    @Test
    void microcodeUpdate2CarriesFlagsLengthAndData() {
        ByteBuffer op = PlatformOp.microcodeUpdate2(PlatformOp.UCODE_FORCE, DATA, 1024);

        assertHeader(op, 66);
        assertThat(op.getInt(8)).isEqualTo(1);
        assertThat(op.getInt(12)).isEqualTo(1024);
        assertThat(op.getLong(16)).isEqualTo(DATA);
        zeroOutside(op, range(0, 24, Set.of()));
    }

    @Test
    void theCpuQueriesCarryOnlyTheCpuNumber() {
        for (int cmd : new int[] {48, 55, 65}) {
            ByteBuffer op = switch (cmd) {
                case 48 -> PlatformOp.getCpuVersion(0x0102_0304);
                case 55 -> PlatformOp.getCpuInfo(0x0102_0304);
                default -> PlatformOp.getUcodeRevision(0x0102_0304);
            };
            assertHeader(op, cmd);
            assertThat(op.getInt(8)).isEqualTo(0x0102_0304);
            zeroOutside(op, range(0, 12, Set.of()));
        }
    }

    private static ByteBuffer answer() {
        return ByteBuffer.allocate(136).order(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void cpuVersionAnswersAreReadLittleEndianWithAVendorOfTwelveBytesWithoutNul() {
        ByteBuffer op = answer();
        op.putInt(12, Integer.reverseBytes(7));
        op.put(16, "AuthenticAMD".getBytes(StandardCharsets.US_ASCII));
        op.putInt(28, Integer.reverseBytes(0x19)).putInt(32, Integer.reverseBytes(0x01)).putInt(36, Integer.reverseBytes(1));

        assertThat(PhysicalCpuVersion.decode(op)).isEqualTo(new PhysicalCpuVersion(7, "AuthenticAMD", 0x19, 1, 1));

        ByteBuffer offline = answer();
        assertThat(PhysicalCpuVersion.decode(offline).vendor()).isEmpty();
    }

    @Test
    void cpuInfoAndRevisionAnswersAreReadAtTheirOffsets() {
        ByteBuffer op = ByteBuffer.allocate(136).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(12, 3).putInt(16, PhysicalCpuInfo.ONLINE).putInt(20, 6).putInt(24, 9);
        PhysicalCpuInfo info = PhysicalCpuInfo.decode(op);
        assertThat(info).isEqualTo(new PhysicalCpuInfo(3, 1, 6, 9));
        assertThat(info.online()).isTrue();
        assertThat(new PhysicalCpuInfo(3, 0, 0, 0).online()).isFalse();
        assertThat(new PhysicalCpuInfo(3, PhysicalCpuInfo.INVALID | PhysicalCpuInfo.ONLINE, 0, 0).present()).isFalse();

        ByteBuffer revision = ByteBuffer.allocate(136).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(12, 0x00050654).putInt(16, 0x04).putInt(20, 0x02007006);
        assertThat(UcodeRevision.decode(revision)).isEqualTo(new UcodeRevision(0x00050654, 0x04, 0x02007006));
    }

    @Test
    void theVersionIsMajorShiftedSixteenOrMinor() {
        XenVersion v417 = XenVersion.decode(0x0004_0011);

        assertThat(v417).isEqualTo(new XenVersion(4, 17));
        assertThat(v417).hasToString("4.17");
        assertThat(v417.atLeast(XenVersion.REVISION_HYPERCALL)).isFalse();
        assertThat(new XenVersion(4, 18).atLeast(XenVersion.REVISION_HYPERCALL)).isTrue();
        assertThat(new XenVersion(4, 19).atLeast(XenVersion.FORCED_LOAD)).isFalse();
        assertThat(new XenVersion(5, 0).atLeast(XenVersion.FORCED_LOAD)).isTrue();
    }

    @Test
    void theTopologySysctlCarriesItsVersionsInterfaceAndAnAbsentCpuHasNoPlace() {
        ByteBuffer op = SysctlOp.cpuTopologyInfo(0x15, 8, DATA);
        assertThat(op.capacity()).isEqualTo(136);
        assertThat(op.getInt(0)).isEqualTo(16);
        assertThat(op.getInt(4)).isEqualTo(0x15);
        assertThat(op.getInt(8)).isEqualTo(8);
        assertThat(op.getLong(16)).isEqualTo(DATA);
        zeroOutside(op, range(0, 12, range(16, 24, Set.of())));
        assertThat(SysctlOp.interfaceVersion(new XenVersion(4, 16))).isEmpty();
        assertThat(SysctlOp.interfaceVersion(new XenVersion(4, 17))).hasValue(0x15);
        assertThat(SysctlOp.interfaceVersion(new XenVersion(4, 20))).hasValue(0x15);
        assertThat(SysctlOp.interfaceVersion(new XenVersion(4, 21))).hasValue(0x16);

        // struct xen_sysctl_cputopo: core, socket, node; ~0 for a CPU that is not present.
        ByteBuffer entries = ByteBuffer.allocate(3 * 12).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, 5).putInt(4, 1).putInt(8, 0)
                .putInt(12, -1).putInt(16, -1).putInt(20, -1)
                .putInt(24, 0).putInt(28, 0).putInt(32, 0);
        assertThat(PhysicalCore.decode(entries, 3)).containsExactly(
                Optional.of(new PhysicalCore(1, 5)), Optional.empty(), Optional.of(new PhysicalCore(0, 0)));
    }
}
