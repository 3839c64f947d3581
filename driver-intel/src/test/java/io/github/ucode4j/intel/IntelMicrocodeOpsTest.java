package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The driver as a service: discovery, sniffing, names, protocol, and how it treats the caller's buffer. */
class IntelMicrocodeOpsTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();

    @Test
    void serviceLoaderFindsTheDriver() {
        assertThat(ServiceLoader.load(MicrocodeOps.class).stream().map(ServiceLoader.Provider::type))
                .contains(IntelMicrocodeOps.class);
        assertThat(MicrocodeDrivers.load().forVendor(Vendor.INTEL)).get().isInstanceOf(IntelMicrocodeOps.class);
    }

    @Test
    void recognisesIntelHeadersButNotAmdContainersOrShortHeads() {
        byte[] patch = IntelPatchBuilder.patch().build();
        assertThat(OPS.recognizes(ByteBuffer.wrap(patch, 0, 64))).isTrue();
        assertThat(MicrocodeDrivers.of(List.of(OPS)).recognize(ByteBuffer.wrap(patch))).contains(OPS);
        byte[] amd = {0x44, 0x4d, 0x41, 0x00, 0, 0, 0, 0, 0x10, 0, 0, 0};
        assertThat(OPS.recognizes(ByteBuffer.wrap(amd))).isFalse();
        assertThat(OPS.recognizes(ByteBuffer.wrap(patch, 0, 20))).isFalse();
        assertThat(OPS.recognizes(ByteBuffer.wrap(Crafted.withDword(patch, 20, 2), 0, 64))).isFalse();
        assertThat(OPS.recognizes(ByteBuffer.wrap(Crafted.withDword(patch, 0, 2), 0, 64)))
                .as("an in-field scan image is recognised, to be rejected by name").isTrue();
        assertThat(OPS.recognizes(ByteBuffer.allocate(0))).isFalse();
    }

    @Test
    void namesAndProtocolAreIntels() {
        assertThat(OPS.vendor()).isEqualTo(Vendor.INTEL);
        assertThat(OPS.firmwareName(CpuSignature.of(0x000906a4))).isEqualTo("intel-ucode/06-9a-04");
        assertThat(OPS.firmwareName(CpuSignature.of(0x00000f49))).isEqualTo("intel-ucode/0f-04-09");
        assertThat(OPS.earlyCpioPath()).isEqualTo("kernel/x86/microcode/GenuineIntel.bin");
        assertThat(OPS.loadProtocol()).isEqualTo(new LoadProtocol(Vendor.INTEL, 0x79, 48, 16, LoadProtocol.LoadUnit.PER_CORE));
    }

    @Test
    void parsingLeavesTheBufferAsItWasAndHandsOutReadOnlyViewsOfIt() throws Exception {
        byte[] patch = IntelPatchBuilder.patch().build();
        byte[] padded = Crafted.concat(new byte[16], patch, new byte[8]);
        ByteBuffer input = ByteBuffer.wrap(padded, 16, patch.length);

        Bundle bundle = OPS.parse(input, "window");

        assertThat(input.position()).isEqualTo(16);
        assertThat(input.limit()).isEqualTo(16 + patch.length);
        MicrocodePatch parsed = bundle.patches().get(0);
        assertThat(parsed.origin().offset()).isZero();
        assertThat(parsed.bytes().isReadOnly()).isTrue();
        padded[16 + 100] ^= 1; // a view, not a copy: the change shows through
        assertThat(parsed.bytes().get(100)).isEqualTo(padded[16 + 100]);
    }

    @Test
    void thePatchCarriesTheVendorNeutralFacts() {
        MicrocodePatch patch = IntelPatchBuilder.patch().signature(0x906ea).platformFlags(0x22).revision(0xf6)
                .date(LocalDate.of(2024, 2, 29)).minimumRevision(0xde).extendedSignature(0x906ea, 0x22)
                .extendedSignature(0x906eb, 0x02).buildPatch("file");
        assertThat(patch.vendor()).isEqualTo(Vendor.INTEL);
        assertThat(patch.revision().value()).isEqualTo(0xf6);
        assertThat(patch.date()).contains(LocalDate.of(2024, 2, 29));
        assertThat(patch.minimumRevision()).map(r -> r.value()).contains(0xde);
        assertThat(patch.targets()).extracting(t -> t.signature().eax(), t -> t.platformFlags().mask())
                .containsExactly(tuple(0x906ea, 0x22),
                        tuple(0x906eb, 0x02));
        assertThat(((IntelPatchDetails) patch.details()).fields().keySet()).containsExactly("hdrver", "rev", "date",
                "sig", "cksum", "ldrver", "pf", "datasize", "totalsize", "metasize", "min_req_ver", "reserved",
                "ext_count", "ext_cksum", "ext_signatures");
        assertThat(((IntelPatchDetails) patch.details()).fields()).containsEntry("date", "2024-02-29")
                .containsEntry("rev", 0xf6L);
    }

    @Test
    void theOldFixedLayoutMeans2000BytesOfDataIn2048() throws Exception {
        byte[] bytes = IntelPatchBuilder.patch().defaultSizes(3).build();
        IntelPatchDetails details = (IntelPatchDetails) Crafted.parse(bytes).patches().get(0).details();
        assertThat(bytes).hasSize(2048);
        assertThat(details.dataSize()).isZero();
        assertThat(details.usesDefaultSizes()).isTrue();
        assertThat(details.effectiveDataSize()).isEqualTo(2000);
        assertThat(details.effectiveTotalSize()).isEqualTo(2048);
        // The total size field is ignored in that layout, whatever it says.
        assertThat(Crafted.parse(Crafted.rebalanced(Crafted.withDword(bytes, 32, 0x7ffffffc))).patches()).hasSize(1);
    }

    @Test
    void theFixedLayoutHasNoRoomForAnExtendedTable() {
        assertThatThrownBy(() -> IntelPatchBuilder.patch().defaultSizes(1).extendedSignature(0x906eb, 1).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fixed 2048-byte layout");
    }

    @Test
    void binaryAndTextWritersRoundTripSeveralPatches() throws Exception {
        List<MicrocodePatch> patches = List.of(IntelPatchBuilder.patch().buildPatch("a"),
                IntelPatchBuilder.patch().revision(2).extendedSignature(0x906eb, 1).buildPatch("b"));
        byte[] binary = IntelPatchWriter.toBinary(patches);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IntelPatchWriter.writeBinary(patches, out);
        assertThat(out.toByteArray()).isEqualTo(binary);
        byte[] text = IntelPatchWriter.toDatText(patches).getBytes(StandardCharsets.US_ASCII);
        assertThat(IntelPatchWriter.toBinary(Crafted.parse(text).patches())).isEqualTo(binary);
        ByteBuffer firmwareFile = OPS.firmwareFile(patches);
        assertThat(firmwareFile).isEqualTo(ByteBuffer.wrap(binary));
    }
}
