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
 * Recover mode, checked against the real iucode_tool on generated images that hide patches in junk. (Listing and
 * selection of generated collisions are checked in the cache module, where the selection lives.)
 */
class RecoverModeDifferentialTest {
    @TempDir
    Path directory;

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
}
