package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The driver as the rest of ucode4j sees it. */
class AmdMicrocodeOpsTest {
    private final AmdMicrocodeOps ops = new AmdMicrocodeOps();

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(MicrocodeOps.class).stream().map(ServiceLoader.Provider::type))
                .contains(AmdMicrocodeOps.class);
    }

    @Test
    void isTheDriverDiscoveryPicksForAnAmdContainer() {
        ByteBuffer container = AmdPatchBuilder.forCpu(0x19, 0x01, 1).build().container();
        assertThat(MicrocodeDrivers.of(List.of(ops)).recognize(container)).containsSame(ops);
    }

    @Test
    void recognisesTheMagicWithoutMovingTheBuffer() {
        ByteBuffer container = AmdPatchBuilder.forCpu(0x17, 0x01, 2).build().container();
        assertThat(ops.recognizes(container)).isTrue();
        assertThat(container.position()).isZero();
        assertThat(ops.recognizes(ByteBuffer.wrap(new byte[] {0x44, 0x4d, 0x41}))).isFalse();
        assertThat(ops.recognizes(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 0x44, 0x4d, 0x41, 0}).position(4))).isTrue();
    }

    @Test
    void firmwareNamesFollowTheKernel() {
        assertThat(ops.firmwareName(CpuSignature.fromDisplay(0x10, 0x02, 2))).isEqualTo("amd-ucode/microcode_amd.bin");
        assertThat(ops.firmwareName(CpuSignature.fromDisplay(0x14, 0x02, 0))).isEqualTo("amd-ucode/microcode_amd.bin");
        assertThat(ops.firmwareName(CpuSignature.fromDisplay(0x15, 0x02, 0))).isEqualTo("amd-ucode/microcode_amd_fam15h.bin");
        assertThat(ops.firmwareName(CpuSignature.fromDisplay(0x1a, 0x44, 0))).isEqualTo("amd-ucode/microcode_amd_fam1ah.bin");
    }

    @Test
    void loadsLikeAmdAndLivesInTheEarlyArchiveUnderItsVendorName() {
        assertThat(ops.vendor()).isEqualTo(Vendor.AMD);
        assertThat(ops.loadProtocol())
                .isEqualTo(new LoadProtocol(Vendor.AMD, 0xC0010020L, 0, 16, LoadProtocol.LoadUnit.PER_THREAD));
        assertThat(ops.earlyCpioPath()).isEqualTo("kernel/x86/microcode/AuthenticAMD.bin");
    }

    @Test
    void comparesRevisionsUnsigned() throws MicrocodeFormatException {
        CpuSignature zen = CpuSignature.of(0x00a00f10);
        MicrocodePatch older = Parsing.parse(AmdPatchBuilder.forCpu(zen).revision(0x0a00107a).build().container()).patches().get(0);
        MicrocodePatch newer = Parsing.parse(AmdPatchBuilder.forCpu(zen).revision(0x0a0010ff).build().container()).patches().get(0);
        assertThat(newer.revision().compareTo(older.revision())).isPositive();
        assertThat(older.revision().compareTo(newer.revision())).isNegative();
        assertThat(older.revision().compareTo(older.revision())).isZero();
    }

    @Test
    void parseLeavesTheInputAloneAndSlicesIt() throws MicrocodeFormatException {
        ByteBuffer container = AmdPatchBuilder.forCpu(0x16, 0x00, 1).build().container();
        ByteBuffer prefixed = ByteBuffer.allocate(container.remaining() + 5);
        prefixed.position(5);
        prefixed.put(container.duplicate()).position(5);
        MicrocodePatch patch = ops.parse(prefixed, "x").patches().get(0);
        assertThat(prefixed.position()).isEqualTo(5);
        assertThat(patch.origin().offset()).isEqualTo(52);
        prefixed.put(5 + 52 + 100, (byte) 0x5a);
        assertThat(patch.bytes().get(100)).as("zero copy").isEqualTo((byte) 0x5a);
    }

    @Test
    void detailsListEveryHeaderFieldInOrder() throws MicrocodeFormatException {
        MicrocodePatch patch = ops.parse(AmdPatchBuilder.forCpu(CpuSignature.of(0x00100f22)).revision(0x01000083)
                .build().container(), "x").patches().get(0);
        assertThat(patch.details().fields()).containsKeys("data_code", "patch_id", "mc_patch_data_id",
                "mc_patch_data_len", "init_flag", "mc_patch_data_checksum", "nb_dev_id", "sb_dev_id", "processor_rev_id",
                "nb_rev_id", "sb_rev_id", "bios_api_rev", "reserved", "match_reg", "equiv_id", "installed_cpus");
        assertThat(patch.details().fields().get("patch_id")).isEqualTo(0x01000083L);
        assertThat(patch.details().fields().get("installed_cpus")).isEqualTo(List.of("0x00100f22"));
        assertThat(patch.details().fields().keySet()).first().isEqualTo("data_code");
    }
}
