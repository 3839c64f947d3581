package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A raw patch: one patch, header and body, without a container, as collections of single patches store them
 * ({@code cpu00A20F12_ver0A20120A_2021-...bin}). The driver recognises it by its header, reads it as one patch, and
 * its writer puts it in a container that parses back to the same patch.
 */
class RawPatchesTest {
    private static final AmdMicrocodeOps AMD = new AmdMicrocodeOps();

    private static byte[] raw(SyntheticPatch patch) {
        return SyntheticInputs.toArray(patch.image());
    }

    private static Bundle parse(byte[] raw) throws MicrocodeFormatException {
        return AMD.parse(ByteBuffer.wrap(raw), "cpu-raw.bin");
    }

    /** Raw Zen patches of families 0x17, 0x19 and 0x1a at their real sizes. */
    private static final List<SyntheticPatch> ZEN = List.of(
            AmdPatchBuilder.forCpu(0x17, 0x31, 0x0).revision(0x0830107c).bodySize(AmdPatchBuilder.maximumBodySize(0x17)).build(),
            AmdPatchBuilder.forCpu(0x19, 0x21, 0x2).revision(0x0a20120a).bodySize(AmdPatchBuilder.maximumBodySize(0x19)).build(),
            AmdPatchBuilder.forCpu(0x1a, 0x44, 0x0).revision(0x0b404035).bodySize(14368 - 64).build());

    @Test
    void theDriverRecognisesARawPatchOfEveryFamily() {
        Properties.forAll("a raw patch is recognised", SyntheticInputs.patches(), patch -> {
            ByteBuffer image = patch.image();
            assertThat(AMD.recognizes(image)).isTrue();
            assertThat(MicrocodeDrivers.of(List.of(AMD)).recognize(image)).containsSame(AMD);
        });
    }

    @Test
    void aRawZenPatchIsOnePatchForTheCpuItsPatchIdNames() throws MicrocodeFormatException {
        for (SyntheticPatch zen : ZEN) {
            Bundle bundle = parse(raw(zen));
            assertThat(bundle.patches()).singleElement().satisfies(patch -> {
                assertThat(patch.bytes()).isEqualTo(zen.image());
                assertThat(patch.revision().value()).isEqualTo(zen.header().patchId());
                assertThat(patch.origin().offset()).isZero();
                assertThat(patch.primaryTarget().signature()).isEqualTo(zen.equivalenceEntry().installedCpu());
                assertThat(((AmdPatchDetails) patch.details()).header()).isEqualTo(zen.header());
            });
            assertThat(bundle.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.code()).isEqualTo("AMD_RAW_PATCH");
                assertThat(finding.severity()).isEqualTo(Severity.INFO);
                assertThat(finding.message()).contains("without a container", "patch_id",
                        zen.equivalenceEntry().installedCpu().hex());
            });
        }
    }

    @Test
    void aRawZenPatchMatchesItsCpuAndIsCheckedAgainstTheAllowList() throws MicrocodeFormatException {
        SyntheticPatch milan = AmdPatchBuilder.forCpu(CpuSignature.of(0x00a00f11)).revision(0x0a0011d6).build();
        MicrocodePatch patch = parse(raw(milan)).patches().get(0);
        CpuState cpu = CpuState.of(Vendor.AMD, CpuSignature.of(0x00a00f11), PlatformFlags.NONE, Revision.of(0x0a001173));
        assertThat(AMD.match(patch, cpu).matches()).isTrue();
        assertThat(AMD.digestCheck(patch, cpu).verdict()).isEqualTo(DigestVerdict.UNKNOWN_DIGEST);
    }

    @Test
    void beforeZenAmdsPublishedTableNamesTheCpus() throws MicrocodeFormatException {
        SyntheticPatch shared = AmdPatchBuilder.forCpu(CpuSignature.of(0x00100f22)).revision(0x010000c9).build();
        Bundle bundle = parse(raw(shared));
        assertThat(bundle.patches()).singleElement().satisfies(patch -> assertThat(patch.targets())
                .extracting(target -> target.signature().hex()).containsExactly("0x00100f23", "0x00100f22"));
        assertThat(bundle.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("AMD_RAW_PATCH");
            assertThat(finding.message()).contains("equivalence table", "0x1022", "0x00100f22", "0x00100f23");
        });
        CpuState other = CpuState.of(Vendor.AMD, CpuSignature.of(0x00100f43), PlatformFlags.NONE, Revision.of(0));
        assertThat(AMD.match(bundle.patches().get(0), other).matches()).isFalse();
    }

    @Test
    void beforeZenAnIdNoPublishedTableHasMatchesNoCpu() throws MicrocodeFormatException {
        byte[] unknown = raw(AmdPatchBuilder.forCpu(CpuSignature.of(0x00660f01)).revision(0x0600611a).build());
        MicrocodeFormatException error = catchThrowableOfType(MicrocodeFormatException.class, () -> parse(unknown));
        assertThat(error.rule()).isEqualTo(AmdRule.EQUIVALENCE_MISSING);
        assertThat(error.offset()).isEqualTo(24);
        assertThat(error.getMessage()).contains("cpu-raw.bin", "0x6601", "raw patch");
        Bundle lenient = AMD.parse(ByteBuffer.wrap(unknown), "cpu-raw.bin", ParseMode.LENIENT);
        assertThat(lenient.patches()).isEmpty();
        assertThat(lenient.findings()).extracting(Finding::code, Finding::severity)
                .contains(tuple("AMD_EQUIVALENCE_MISSING", Severity.ERROR));
    }

    @Test
    void aRawPatchLargerThanItsFamilyAllowsIsRefusedWhereTheExcessStarts() {
        byte[] tooLong = Arrays.copyOf(raw(ZEN.get(1)), 5568 + 16);
        MicrocodeFormatException error = catchThrowableOfType(MicrocodeFormatException.class, () -> parse(tooLong));
        assertThat(error.rule()).isEqualTo(AmdRule.PATCH_TOO_LARGE);
        assertThat(error.offset()).isEqualTo(5568);
        assertThat(error.getMessage()).contains("5584", "0x19", "5568");
    }

    @Test
    void recoverModeSkipsARawPatchLargerThanItsFamilyAllowsAndSaysWhy() throws MicrocodeFormatException {
        byte[] tooLong = Arrays.copyOf(raw(ZEN.get(1)), 5568 + 16);
        Bundle recovered = AMD.parse(ByteBuffer.wrap(tooLong), "cpu-raw.bin", ParseMode.RECOVER);
        assertThat(recovered.patches()).isEmpty();
        assertThat(recovered.findings()).extracting(Finding::code, Finding::severity, Finding::offset).containsExactly(
                tuple("AMD_PATCH_TOO_LARGE", Severity.ERROR, 5568L),
                tuple(InputRule.SKIPPED_BYTES.code(), Severity.WARNING, 0L));
    }

    @Test
    void theFirmwareFileOfARawPatchIsAContainerThatParsesBackToIt() {
        Generator<SyntheticPatch> zen = random -> SyntheticInputs.patch(random, new int[] {0x17, 0x19, 0x1a}[random.nextInt(3)]);
        Properties.forAll("raw -> container -> parse", zen, built -> {
            MicrocodePatch raw = parse(raw(built)).patches().get(0);
            ByteBuffer file = AMD.firmwareFile(List.of(raw));
            assertThat(AMD.recognizes(file)).isTrue();
            ParsedContainers back = AMD.parseContainers(file, "amd-ucode/microcode_amd_famXXh.bin", ParseMode.STRICT);
            assertThat(back.findings()).isEmpty();
            assertThat(back.containers()).singleElement().satisfies(container -> assertThat(container.table().entries())
                    .containsExactly(built.equivalenceEntry(), EquivalenceEntry.TERMINATOR));
            assertThat(back.patches()).singleElement().satisfies(patch -> {
                assertThat(patch.sameBytes(raw)).isTrue();
                assertThat(patch.targets()).isEqualTo(raw.targets());
            });
        });
    }

    @Test
    void beforeZenTheContainerCarriesThePublishedEntries() throws MicrocodeFormatException {
        MicrocodePatch raw = parse(raw(AmdPatchBuilder.forCpu(CpuSignature.of(0x00600f20)).revision(0x06000852).build()))
                .patches().get(0);
        ParsedContainers back = AMD.parseContainers(AMD.firmwareFile(List.of(raw)), "fam15h", ParseMode.STRICT);
        assertThat(back.findings()).isEmpty();
        assertThat(back.containers().get(0).table().entries())
                .containsExactly(EquivalenceEntry.of(CpuSignature.of(0x00600f20), 0x6020), EquivalenceEntry.TERMINATOR);
        assertThat(back.patches().get(0).sameBytes(raw)).isTrue();
    }
}
