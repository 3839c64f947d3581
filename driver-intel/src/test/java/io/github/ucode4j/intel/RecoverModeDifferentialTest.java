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
import java.util.function.Function;
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
        Properties.forAll("recover mode vs iucode_tool", random -> random.nextLong(),
                seed -> assertSameListing(seed, List.of(), random -> PatchSpec.random(random).build()));
    }

    /** Recover mode keeps what lenient mode accepts: a patch that only iucode_tool's strict checks refuse. */
    @Test
    void recoverModeFindsWhatIucodeToolsRecoverModeFindsWithoutStrictChecks() {
        Properties.forAll("recover mode vs iucode_tool --no-strict-checks", random -> random.nextLong(),
                seed -> assertSameListing(seed, List.of("--no-strict-checks"),
                        RecoverModeDifferentialTest::patchBreakingStrictChecks));
    }

    private void assertSameListing(long seed, List<String> options, Function<SplittableRandom, byte[]> patches)
            throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int image = random.nextInt(1, 4); image > 0; image--) {
            String name = "image" + names.size();
            Files.write(directory.resolve(name), patchesInJunk(random, patches));
            names.add(name);
        }
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-t", "r", "-L"));
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
    }

    /**
     * A random patch that breaks one of iucode_tool's strict-only checks, or none. An unpadded one holds at least
     * 1024 bytes: iucode_tool refuses a smaller patch even without strict checks, a difference of lenient mode's.
     */
    private static byte[] patchBreakingStrictChecks(SplittableRandom random) {
        IntelPatchBuilder patch = PatchSpec.random(random).builder();
        switch (random.nextInt(4)) {
            case 0 -> patch.revision(0);
            case 1 -> patch.date(0x13452019);
            case 2 -> patch.dataSize(4 * random.nextInt(244, 512), random.nextLong()).padTotalSizeTo1024(false);
            default -> { }
        }
        return patch.build();
    }

    /** Zero to three patches from {@code patches}, each after up to 200 random bytes, and random bytes at the end. */
    private static byte[] patchesInJunk(SplittableRandom random, Function<SplittableRandom, byte[]> patches) {
        List<byte[]> parts = new ArrayList<>();
        for (int patch = random.nextInt(0, 4); patch > 0; patch--) {
            byte[] junk = new byte[random.nextInt(0, 200)];
            random.nextBytes(junk);
            parts.add(junk);
            parts.add(patches.apply(random));
        }
        byte[] tail = new byte[random.nextInt(1, 100)];
        random.nextBytes(tail);
        parts.add(tail);
        return Crafted.concat(parts.toArray(byte[][]::new));
    }
}
