package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.intel.LegacyDatText.LineEnd;
import io.github.ucode4j.testing.IucodeTool;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code microcode.dat} in Intel's 2012 layout ({@link LegacyDatText}) made of 48 real patches, the size of
 * Intel's last such file: read as the real iucode_tool reads it, line for line.
 */
class LegacyDatConformanceTest {
    private static final int PATCHES = 48;
    private static final String NAME = "microcode.dat";

    @ParameterizedTest
    @EnumSource(value = LineEnd.class, names = {"LF", "CRLF"})
    void iucodeToolListsTheOldLayoutAsWeDo(LineEnd lineEnd, @TempDir Path directory) throws Exception {
        List<MicrocodePatch> patches = realPatches();
        byte[] text = write(directory, patches, lineEnd);

        IucodeTool.Run real = IucodeTool.run(directory, List.of("-L", NAME));
        Bundle ours = Crafted.OPS.parse(ByteBuffer.wrap(text), NAME);

        assertThat(real.exitCode()).as("%s", real.stderr()).isZero();
        assertThat(IucodeToolListing.listAll(1, ours)).containsExactlyElementsOf(real.stdout());
        assertSamePatches(ours, patches);
    }

    @Test
    void linesEndedByCarriageReturnsAloneAreReadThoughIucodeToolCannotReadThem(@TempDir Path directory)
            throws Exception {
        List<MicrocodePatch> patches = realPatches();
        byte[] text = write(directory, patches, LineEnd.CR);

        IucodeTool.Run real = IucodeTool.run(directory, List.of("-L", NAME));
        Bundle ours = Crafted.OPS.parse(ByteBuffer.wrap(text), NAME);

        // iucode_tool reads lines up to LF: the whole file is one line, cut every 2047 bytes, its first piece a comment.
        assertThat(real.exitCode()).isNotZero();
        assertThat(IucodeTool.messages(real)).contains(NAME + ": line 2: invalid file format");
        assertSamePatches(ours, patches);
    }

    @ParameterizedTest
    @EnumSource(LineEnd.class)
    void theOldLayoutIsRecognisedByItsFirstBytes(LineEnd lineEnd) {
        byte[] text = LegacyDatText.of(List.of(IntelPatchBuilder.patch().buildPatch("built")), lineEnd)
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(MicrocodeDrivers.load().recognize(ByteBuffer.wrap(text))).get().isInstanceOf(IntelMicrocodeOps.class);
    }

    /** The first 48 patches of the corpus, in the order of its sorted files. */
    private static List<MicrocodePatch> realPatches() throws Exception {
        List<MicrocodePatch> patches = IntelCorpus.bundles().stream().flatMap(b -> b.patches().stream())
                .limit(PATCHES).toList();
        assertThat(patches).hasSize(PATCHES);
        return patches;
    }

    private static byte[] write(Path directory, List<MicrocodePatch> patches, LineEnd lineEnd) throws Exception {
        byte[] text = LegacyDatText.of(patches, lineEnd).getBytes(StandardCharsets.US_ASCII);
        Files.write(directory.resolve(NAME), text);
        return text;
    }

    private static void assertSamePatches(Bundle ours, List<MicrocodePatch> patches) {
        assertThat(ours.findings()).isEmpty();
        assertThat(ours.patches()).hasSize(PATCHES);
        for (int i = 0; i < PATCHES; i++) {
            assertThat(ours.patches().get(i).sameBytes(patches.get(i))).as("patch %d", i + 1).isTrue();
        }
    }
}
