package io.github.ucode4j.intel;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.intel.LegacyDatText.LineEnd;
import io.github.ucode4j.testing.CommittedSeeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed seeds of {@link IntelParserFuzzTest}, made by the project's own builder and writer (no vendor
 * firmware is ever committed). The test checks that the committed files are what the builders make; run it with
 * {@code -Dfuzz.seeds=write} to write them again after a change to the builders.
 */
class FuzzSeeds {
    private static final Path INPUTS = Path.of("src/test/resources/io/github/ucode4j/intel/IntelParserFuzzTestInputs");

    @Test
    void committedSeedsAreTheBuildersOutput() throws IOException {
        CommittedSeeds.check(INPUTS, seeds());
    }

    private static Map<String, byte[]> seeds() {
        MicrocodePatch plain = IntelPatchBuilder.patch().dataSize(400, 1).buildPatch("seed");
        MicrocodePatch extended = IntelPatchBuilder.patch().revision(0x2c).extendedSignature(0x000906eb, 0x02)
                .extendedSignature(0x000906ec, 0x22).buildPatch("seed");
        MicrocodePatch withMetadata = IntelPatchBuilder.patch().signature(0x000a0671).revision(0x62)
                .minimumRevision(0x40).metadataEntry(1, new byte[] {1, 2, 3, 4}).buildPatch("seed");
        MicrocodePatch metadataFilled = IntelPatchBuilder.patch().signature(0x000a06a4).revision(0x1c)
                .metadataEntry(2, new byte[] {2, 0, 0, 0, 0, 0, 0, 0}).metadataTerminated(false).buildPatch("seed");
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("binary/plain", IntelPatchWriter.toBinary(List.of(plain)));
        seeds.put("binary/extended-table", IntelPatchWriter.toBinary(List.of(extended)));
        seeds.put("binary/metadata", IntelPatchWriter.toBinary(List.of(withMetadata)));
        seeds.put("binary/metadata-filled", IntelPatchWriter.toBinary(List.of(metadataFilled)));
        seeds.put("binary/two-patches", IntelPatchWriter.toBinary(List.of(plain, extended)));
        seeds.put("binary/default-sizes", IntelPatchBuilder.patch().defaultSizes(2).build());
        seeds.put("binary/unpadded", IntelPatchBuilder.patch().dataSize(64, 3).padTotalSizeTo1024(false).build());
        seeds.put("datText/plain.dat", text(IntelPatchWriter.toDatText(List.of(plain))));
        seeds.put("datText/two-patches.dat", text(IntelPatchWriter.toDatText(List.of(withMetadata, extended))));
        seeds.put("datText/line-comments.dat", text("// written by hand\n" + IntelPatchWriter.toDatText(List.of(plain))
                .replace("\n", " // a line comment\n")));
        seeds.put("datText/legacy-layout.dat", text(LegacyDatText.of(List.of(plain, metadataFilled), LineEnd.CRLF)));
        return seeds;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
