package io.github.ucode4j.amd;

import io.github.ucode4j.testing.ResourceBudget;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target for the AMD parser (containers, and raw patches). In every mode it may only return or throw
 * {@link MicrocodeFormatException}, within a {@link ResourceBudget}; and no patch it hands out may break a rule
 * that keeps a patch from the loaders (chipset-specific, larger than its family allows, shorter than a header).
 *
 * <p>Without {@code JAZZER_FUZZ} the target replays its seeds and reproducers under
 * {@code src/test/resources/io/github/ucode4j/amd/AmdParserFuzzTestInputs/container/}; {@link FuzzSeeds} makes the
 * seeds.
 *
 * <p>To fuzz one target for ten minutes, from the repository root (the working corpus grows in
 * {@code driver-amd/.cifuzz-corpus/}; a crash is saved beside the seeds, to be committed as a reproducer with its fix):
 * <pre>{@code JAZZER_FUZZ=1 mvn -pl driver-amd test -Dtest=AmdParserFuzzTest#container -Djazzer.max_duration=10m}</pre>
 */
class AmdParserFuzzTest {

    @FuzzTest
    void container(byte[] input) {
        parseInEveryMode(input);
    }

    /** The same checks over the real firmware files; skipped, as a group, without the corpus. */
    @ParameterizedTest
    @MethodSource("corpusFiles")
    void corpus(Path file) throws IOException {
        parseInEveryMode(Files.readAllBytes(file));
    }

    static Stream<Path> corpusFiles() throws IOException {
        try (Stream<Path> listing = Files.list(Corpus.amdFirmware())) {
            return listing.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    private static void parseInEveryMode(byte[] input) {
        for (ParseMode mode : ParseMode.values()) {
            ResourceBudget.check(input.length, MicrocodeFormatException.class,
                    () -> Parsing.OPS.parse(ByteBuffer.wrap(input), "fuzz", mode).patches()
                            .forEach(AmdParserFuzzTest::assertLoadable));
        }
    }

    private static void assertLoadable(MicrocodePatch patch) {
        AmdPatchHeader header = ((AmdPatchDetails) patch.details()).header();
        assertThat(header.isChipsetSpecific()).as("chipset-specific").isFalse();
        assertThat(patch.size()).isBetween(AmdPatchHeader.SIZE, PatchSizeLimits.maximumSize(header.family()));
        assertThat(patch.targets()).isNotEmpty();
    }
}
