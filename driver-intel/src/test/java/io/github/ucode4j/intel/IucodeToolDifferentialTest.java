package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.IucodeTool;
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
 * Listing and recover mode, checked against the real iucode_tool on generated inputs that stress them. (The
 * selection and its merge rules are the cache's, checked there.)
 */
class IucodeToolDifferentialTest {
    private static final int[] SIGNATURES = {0x906ea, 0x906eb, 0x80000000};
    private static final int[] MASKS = {0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x10, 0x12, 0x80, 0xff};
    private static final int[] REVISIONS = {1, 2, 3, 0x7fffffff, 0x80000000, 0xfffffffb};

    @TempDir
    Path directory;

    @Test
    void generatedBundlesListAsIucodeToolListsThem() {
        Properties.forAll("listing vs iucode_tool", random -> random.nextLong(), seed -> {
            List<String> names = writeBundles(new SplittableRandom(seed));
            List<String> arguments = new ArrayList<>(List.of("-L"));
            arguments.addAll(names);
            IucodeTool.Run real = IucodeTool.run(directory, arguments);

            List<String> expected = new ArrayList<>();
            for (String name : names) {
                Bundle bundle = Crafted.OPS.parse(ByteBuffer.wrap(Files.readAllBytes(directory.resolve(name))), name);
                expected.addAll(IucodeToolListing.listAll(names.indexOf(name) + 1, bundle));
            }
            assertThat(real.exitCode()).as("%s", real.stderr()).isZero();
            assertThat(expected).containsExactlyElementsOf(real.stdout());
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
