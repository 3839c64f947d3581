package io.github.ucode4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keeps a fuzz target's committed seed files equal to what the project's own builders make, so that no vendor
 * firmware is ever committed and the seeds follow the builders. With {@code -Dfuzz.seeds=write} the files are
 * written again first.
 */
public final class CommittedSeeds {
    private CommittedSeeds() {
    }

    /** Asserts that each seed under {@code inputs} (name relative to it) holds exactly the bytes given. */
    public static void check(Path inputs, Map<String, byte[]> seeds) throws IOException {
        boolean write = "write".equals(System.getProperty("fuzz.seeds"));
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Path file = inputs.resolve(seed.getKey());
            if (write) {
                Files.createDirectories(file.getParent());
                Files.write(file, seed.getValue());
            }
            assertThat(file).as("run with -Dfuzz.seeds=write to make it").hasBinaryContent(seed.getValue());
        }
    }
}
