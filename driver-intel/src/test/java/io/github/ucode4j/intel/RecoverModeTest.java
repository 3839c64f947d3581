package io.github.ucode4j.intel;

import static io.github.ucode4j.intel.Crafted.concat;
import static io.github.ucode4j.intel.Crafted.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Properties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Recover mode finds valid patches anywhere in arbitrary bytes and reports what it skipped. */
class RecoverModeTest {

    @Test
    void patchesEmbeddedInRandomJunkAreFoundAtTheirOffsets() {
        Properties.forAll("patches in junk", random -> random.nextLong(), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<byte[]> parts = new ArrayList<>();
            List<Long> expectedOffsets = new ArrayList<>();
            List<byte[]> expectedPatches = new ArrayList<>();
            long at = 0;
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                byte[] junk = new byte[random.nextInt(0, 300)];
                random.nextBytes(junk);
                byte[] patch = PatchSpec.random(random).build();
                parts.add(junk);
                parts.add(patch);
                expectedOffsets.add(at + junk.length);
                expectedPatches.add(patch);
                at += junk.length + patch.length;
            }
            Bundle bundle = parse(concat(parts.toArray(byte[][]::new)), ParseMode.RECOVER);

            assertThat(bundle.patches()).extracting(p -> p.origin().offset()).containsExactlyElementsOf(expectedOffsets);
            for (int i = 0; i < expectedPatches.size(); i++) {
                assertThat(IntelPatchWriter.toBinary(List.of(bundle.patches().get(i)))).isEqualTo(expectedPatches.get(i));
            }
        });
    }

    @Test
    void skippedBytesAndRejectedCandidatesAreReported() throws Exception {
        // Revision and flags other than 1, so that no dword pair inside the header looks like a header itself.
        byte[] good = IntelPatchBuilder.patch().revision(0x20).platformFlags(0x02).build();
        byte[] broken = good.clone();
        broken[100] ^= 1;
        byte[] image = concat(new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0}, broken, good, new byte[5]);

        Bundle bundle = parse(image, ParseMode.RECOVER);

        assertThat(bundle.patches()).extracting(MicrocodePatch::origin).extracting(o -> o.offset())
                .containsExactly(7L + 1024);
        assertThat(bundle.findings()).extracting(Finding::code, Finding::severity, Finding::offset).containsExactly(
                tuple(IntelRule.HEADER_CHECKSUM.code(), Severity.ERROR, 7L + 16),
                tuple(InputRule.SKIPPED_BYTES.code(), Severity.WARNING, 0L),
                tuple(InputRule.SKIPPED_BYTES.code(), Severity.WARNING, 7L + 2048));
        assertThat(bundle.findings().get(1).message()).contains("1031 byte(s)", "at 0x0", IntelRule.HEADER_VERSION.code());
        assertThat(bundle.findings().get(2).message()).contains("5 byte(s)", IntelRule.TRAILING_BYTES.code());
    }

    @Test
    void aPatchThatBreaksOnlyAStrictRuleIsKeptWithLenientModesFinding() throws Exception {
        byte[] zeroRevision = IntelPatchBuilder.patch().revision(0).platformFlags(0x02).build();
        byte[] image = concat(new byte[3], zeroRevision);

        Bundle bundle = parse(image, ParseMode.RECOVER);

        assertThat(bundle.patches()).extracting(p -> p.origin().offset()).containsExactly(3L);
        assertThat(bundle.findings()).extracting(Finding::code, Finding::severity, Finding::offset).containsExactly(
                tuple(InputRule.SKIPPED_BYTES.code(), Severity.WARNING, 0L),
                tuple(IntelRule.ZERO_REVISION.code(), Severity.ERROR, 3L + 4));
        assertThat(parse(zeroRevision, ParseMode.LENIENT).findings()).extracting(Finding::code)
                .containsExactly(IntelRule.ZERO_REVISION.code());
    }

    @Test
    void textThatDoesNotDecodeIsScannedAsBytes() throws Exception {
        byte[] image = Crafted.concat("0x1, junk ".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                IntelPatchBuilder.patch().revision(0x20).platformFlags(0x02).build());
        Bundle bundle = parse(image, ParseMode.RECOVER);
        assertThat(bundle.patches()).extracting(p -> p.origin().offset()).containsExactly(10L);
    }

    @Test
    void textThatLooksLikeADatFileButDoesNotDecodeIsScannedAsBytesSayingWhy() throws Exception {
        byte[] text = ("0x00000001,\n".repeat(6) + "junk\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] image = Crafted.concat(text, IntelPatchBuilder.patch().revision(0x20).platformFlags(0x02).build());
        Bundle bundle = parse(image, ParseMode.RECOVER);
        assertThat(bundle.patches()).extracting(p -> p.origin().offset()).containsExactly((long) text.length);
        assertThat(bundle.findings()).extracting(Finding::code, Finding::severity, Finding::offset).containsExactly(
                tuple(IntelRule.DAT_SYNTAX.code(), Severity.ERROR, 72L),
                tuple(InputRule.SKIPPED_BYTES.code(), Severity.WARNING, 0L));
    }

    @Test
    void theWholeCorpusHiddenInJunkIsRecoveredPatchForPatch() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<byte[]> parts = new ArrayList<>();
        for (Path file : IntelCorpus.files()) {
            byte[] junk = new byte[random.nextInt(0, 64)];
            random.nextBytes(junk);
            parts.add(junk);
            parts.add(IntelCorpus.read(file));
        }
        Bundle image = parse(concat(parts.toArray(byte[][]::new)), ParseMode.RECOVER);

        List<MicrocodePatch> expected = IntelCorpus.bundles().stream().flatMap(b -> b.patches().stream()).toList();
        assertThat(image.patches()).hasSize(166);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(image.patches().get(i).sameBytes(expected.get(i))).isTrue();
        }
    }

    @Test
    void bytesWithoutPatchesRecoverNothingWithoutFailing() throws Exception {
        byte[] junk = new byte[4096];
        new SplittableRandom(7).nextBytes(junk);
        Bundle bundle = parse(junk, ParseMode.RECOVER);
        assertThat(bundle.patches()).isEmpty();
        assertThat(bundle.findings()).extracting(Finding::code).containsExactly(InputRule.SKIPPED_BYTES.code());
    }
}
