package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Properties;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing, merge rules and recover mode, checked against the real iucode_tool on generated inputs that stress
 * them.
 */
class IucodeToolDifferentialTest {
    private static final int[] SIGNATURES = {0x906ea, 0x906eb, 0x80000000};
    private static final int[] MASKS = {0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x10, 0x12, 0x80, 0xff};
    private static final int[] REVISIONS = {1, 2, 3, 0x7fffffff, 0x80000000, 0xfffffffb};

    @TempDir
    Path directory;

    @Test
    void generatedBundlesListAndSelectAsIucodeToolDoes() {
        Properties.forAll("listing and selection vs iucode_tool", random -> random.nextLong(), seed -> {
            List<String> names = writeBundles(new SplittableRandom(seed));
            List<String> arguments = new ArrayList<>(List.of("-v", "-L", "-l"));
            arguments.addAll(names);
            IucodeTool.Run real = IucodeTool.run(directory, arguments);

            IucodeToolSelection selection = new IucodeToolSelection();
            List<String> expected = new ArrayList<>();
            for (String name : names) {
                Bundle bundle = Crafted.OPS.parse(ByteBuffer.wrap(Files.readAllBytes(directory.resolve(name))), name);
                selection.add(bundle);
                expected.addAll(IucodeToolListing.listAll(names.indexOf(name) + 1, bundle));
            }
            // With -L and -l together, iucode_tool prints the -L listing while loading, then the selection.
            List<String> listing = selection.listing();
            expected.addAll(listing.subList(names.size(), listing.size()));

            assertThat(real.exitCode()).as("%s", real.stderr()).isZero();
            assertThat(selection.findings()).isEmpty();
            assertThat(expected).containsExactlyElementsOf(real.stdout());
            assertThat(IucodeTool.messages(real)).containsSubsequence(selection.summary());
        });
    }

    @Test
    void recoverModeFindsWhatIucodeToolsRecoverModeFinds() {
        Properties.forAll("recover mode vs iucode_tool", random -> random.nextLong(), seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> names = new ArrayList<>();
            for (int image = random.nextInt(1, 4); image > 0; image--) {
                String name = "image" + names.size();
                Files.write(directory.resolve(name), patchesInJunk(random));
                names.add(name);
            }
            List<String> arguments = new ArrayList<>(List.of("-t", "r", "-L"));
            arguments.addAll(names);
            IucodeTool.Run real = IucodeTool.run(directory, arguments);

            List<String> expected = new ArrayList<>();
            int bundleNumber = 1;
            for (String name : names) {
                Bundle ours = Crafted.OPS.parse(ByteBuffer.wrap(Files.readAllBytes(directory.resolve(name))), name,
                        ParseMode.RECOVER);
                expected.addAll(IucodeToolListing.listAll(bundleNumber, ours));
                bundleNumber += ours.patches().isEmpty() ? 0 : 1; // iucode_tool numbers only inputs with patches
            }
            assertThat(expected).containsExactlyElementsOf(real.stdout());
        });
    }

    /** Zero to three valid patches, each after up to 200 random bytes, and random bytes at the end. */
    private static byte[] patchesInJunk(SplittableRandom random) {
        List<byte[]> parts = new ArrayList<>();
        for (int patch = random.nextInt(0, 4); patch > 0; patch--) {
            byte[] junk = new byte[random.nextInt(0, 200)];
            random.nextBytes(junk);
            parts.add(junk);
            parts.add(PatchSpec.random(random).build());
        }
        byte[] tail = new byte[random.nextInt(1, 100)];
        random.nextBytes(tail);
        parts.add(tail);
        return Crafted.concat(parts.toArray(byte[][]::new));
    }

    @Test
    void theSameSignatureMaskAndRevisionWithOtherBytesIsAConflict() {
        MicrocodePatch first = IntelPatchBuilder.patch().dataSize(64, 1).buildPatch("a");
        MicrocodePatch second = IntelPatchBuilder.patch().dataSize(64, 2).buildPatch("b");
        IucodeToolSelection selection = new IucodeToolSelection();
        selection.add(new Bundle("a", Vendor.INTEL, List.of(first), List.of()));
        selection.add(new Bundle("b", Vendor.INTEL, List.of(second, first), List.of()));

        assertThat(selection.findings()).singleElement().extracting(Finding::message).asString()
                .contains("002/001", "as 001/001", "different data");
        assertThat(selection.selected()).singleElement().extracting(IucodeToolSelection.Entry::bundleNumber)
                .isEqualTo(1);
        assertThat(selection.summary().get(0)).isEqualTo(
                "processed 3 valid microcode(s), 3 signature(s), 1 unique signature(s)");
    }

    /**
     * One to three files of one to four patches over few signatures, masks and revisions, so that they collide; all
     * with the same data, so that iucode_tool never stops on a conflict.
     */
    private List<String> writeBundles(SplittableRandom random) throws Exception {
        List<String> names = new ArrayList<>();
        for (int file = random.nextInt(1, 4); file > 0; file--) {
            List<byte[]> patches = new ArrayList<>();
            for (int patch = random.nextInt(1, 5); patch > 0; patch--) {
                IntelPatchBuilder builder = IntelPatchBuilder.patch().signature(pick(SIGNATURES, random))
                        .platformFlags(pick(MASKS, random)).revision(pick(REVISIONS, random)).dataSize(16, 0);
                if (random.nextInt(10) == 0) {
                    builder.defaultSizes(0);
                } else {
                    for (int entry = random.nextInt(4) == 0 ? random.nextInt(1, 3) : 0; entry > 0; entry--) {
                        builder.extendedSignature(pick(SIGNATURES, random), pick(MASKS, random));
                    }
                }
                patches.add(builder.build());
            }
            String name = "bundle" + names.size();
            Files.write(directory.resolve(name), Crafted.concat(patches.toArray(byte[][]::new)));
            names.add(name);
        }
        return names;
    }

    private static int pick(int[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }
}
