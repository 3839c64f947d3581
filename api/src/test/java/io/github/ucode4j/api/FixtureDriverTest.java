package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.fixtures.FixtureDriver;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake driver every module's tests share behaves as its documentation says. */
class FixtureDriverTest {
    private static final CpuSignature SKX = CpuSignature.of(0x50654);
    private static final CpuSignature CLX = CpuSignature.of(0x50657);
    private static final FixtureDriver INTEL = new FixtureDriver(Vendor.INTEL);

    private static CpuState cpu(Vendor vendor, CpuSignature signature, Optional<PlatformFlags> flags) {
        return new CpuState(Optional.of(vendor), Optional.of(signature), flags, Optional.empty());
    }

    @Test
    void readsBackThePatchItsBytesDescribe() throws Exception {
        byte[] bytes = FixtureDriver.bytes(SKX, PlatformFlags.of(0x97), Revision.of(0x2007006));
        ByteBuffer data = ByteBuffer.wrap(bytes);

        assertThat(INTEL.recognizes(data)).isTrue();
        MicrocodePatch patch = INTEL.parse(data, "a.bin").patches().get(0);
        assertThat(patch.primaryTarget()).isEqualTo(new PatchTarget(SKX, PlatformFlags.of(0x97)));
        assertThat(patch.revision()).isEqualTo(Revision.of(0x2007006));
        assertThat(patch.bytes()).isEqualTo(ByteBuffer.wrap(bytes));
        assertThat(FixtureDriver.patch(Vendor.INTEL, SKX, PlatformFlags.of(0x97), Revision.of(0x2007006)).bytes())
                .isEqualTo(patch.bytes());
        assertThat(data.position()).isZero();
    }

    @Test
    void refusesBytesWhoseChecksumDoesNotAddUp() {
        byte[] bytes = FixtureDriver.bytes(SKX, PlatformFlags.of(1), Revision.of(1));
        bytes[12]++;
        assertThatThrownBy(() -> INTEL.parse(ByteBuffer.wrap(bytes), "a.bin")).isInstanceOf(MicrocodeFormatException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void matchesAnyOfAPatchsSignaturesThenItsPlatforms() {
        MicrocodePatch twoSignatures = new MicrocodePatch(Vendor.INTEL, Revision.of(1), Optional.of(LocalDate.of(2024, 1, 1)),
                List.of(new PatchTarget(SKX, PlatformFlags.of(0x01)), new PatchTarget(CLX, PlatformFlags.of(0x08))),
                Optional.empty(), ByteBuffer.allocate(4), new PatchOrigin("made", 0), Map::of);

        assertThat(INTEL.match(twoSignatures, cpu(Vendor.INTEL, CLX, Optional.of(PlatformFlags.of(0x08)))).status())
                .isEqualTo(MatchStatus.MATCH);
        assertThat(INTEL.match(twoSignatures, cpu(Vendor.INTEL, CLX, Optional.of(PlatformFlags.of(0x01)))).status())
                .isEqualTo(MatchStatus.PLATFORM_MISMATCH);
        assertThat(INTEL.match(twoSignatures, cpu(Vendor.INTEL, CLX, Optional.empty())).status())
                .isEqualTo(MatchStatus.PLATFORM_UNKNOWN);
        assertThat(INTEL.match(twoSignatures, cpu(Vendor.INTEL, CpuSignature.of(0x906ea), Optional.of(PlatformFlags.of(1))))
                .status()).isEqualTo(MatchStatus.SIGNATURE_MISMATCH);
        assertThat(INTEL.match(twoSignatures, cpu(Vendor.AMD, SKX, Optional.of(PlatformFlags.of(1)))).status())
                .isEqualTo(MatchStatus.VENDOR_MISMATCH);
    }

    @Test
    void objectsToLateLoadsOnlyAsTold() {
        MicrocodePatch patch = FixtureDriver.patch(Vendor.AMD, CpuSignature.of(0xa00f11), PlatformFlags.NONE, Revision.of(0xa0011d5));
        CpuState cpu = cpu(Vendor.AMD, CpuSignature.of(0xa00f11), Optional.of(PlatformFlags.NONE));
        LoadObjection objection = new LoadObjection(VerdictKind.UNSAFE_LATE_LOAD, "told so");

        assertThat(new FixtureDriver(Vendor.AMD).lateLoadObjection(patch, cpu)).isEmpty();
        assertThat(new FixtureDriver(Vendor.AMD, (p, c) -> Optional.of(objection)).lateLoadObjection(patch, cpu))
                .contains(objection);
    }

    @Test
    void namesFirmwareFilesAsTheKernelAsksForThem() {
        assertThat(INTEL.firmwareName(SKX)).isEqualTo("intel-ucode/06-55-04");
        assertThat(new FixtureDriver(Vendor.AMD).firmwareName(CpuSignature.of(0xa00f11)))
                .isEqualTo("amd-ucode/microcode_amd_fam19h.bin");
    }
}
