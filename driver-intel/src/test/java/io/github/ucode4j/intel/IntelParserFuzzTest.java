package io.github.ucode4j.intel;

import io.github.ucode4j.testing.ResourceBudget;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz targets for the Intel parser, binary and {@code .dat} text. In every mode it may only return or throw
 * {@link MicrocodeFormatException}, within a {@link ResourceBudget}; and every patch it hands out must pass the
 * format's checks when read again on its own, so that no broken patch reaches an apply step.
 *
 * <p>Without {@code JAZZER_FUZZ} the targets replay their seeds and reproducers under
 * {@code src/test/resources/io/github/ucode4j/intel/IntelParserFuzzTestInputs/}; {@link FuzzSeeds} makes the seeds.
 *
 * <p>To fuzz one target for ten minutes, from the repository root (the working corpus grows in
 * {@code driver-intel/.cifuzz-corpus/}; a crash is saved beside the seeds, to be committed as a reproducer with its fix):
 * <pre>{@code JAZZER_FUZZ=1 mvn -pl driver-intel test -Dtest=IntelParserFuzzTest#binary -Djazzer.max_duration=10m}</pre>
 */
class IntelParserFuzzTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();

    @FuzzTest
    void binary(byte[] input) {
        parseInEveryMode(input);
    }

    @FuzzTest
    void datText(byte[] input) {
        parseInEveryMode(input);
    }

    /** The same checks over the real firmware files; skipped, as a group, without the corpus. */
    @ParameterizedTest
    @MethodSource("corpusFiles")
    void corpus(Path file) throws Exception {
        parseInEveryMode(Files.readAllBytes(file));
    }

    static Stream<Path> corpusFiles() {
        return IntelCorpus.files().stream();
    }

    private static void parseInEveryMode(byte[] input) {
        for (ParseMode mode : ParseMode.values()) {
            ResourceBudget.check(input.length, MicrocodeFormatException.class,
                    () -> OPS.parse(ByteBuffer.wrap(input), "fuzz", mode).patches()
                            .forEach(patch -> assertSound(patch, mode)));
        }
    }

    /** A patch handed out passes the checksum rule, and parses alone as the same patch (recover: leniently). */
    private static void assertSound(MicrocodePatch patch, ParseMode mode) {
        IntelPatchDetails details = (IntelPatchDetails) patch.details();
        assertThat(details.headerVersion()).isEqualTo(1);
        assertThat(details.loaderVersion()).isEqualTo(1);
        assertThat(dwordSum(patch.bytes(), IntelLayout.HEADER_SIZE + details.effectiveDataSize())).isZero();
        try {
            Bundle alone = OPS.parse(patch.bytes(), "alone", mode == ParseMode.RECOVER ? ParseMode.LENIENT : mode);
            assertThat(alone.patches()).singleElement().matches(patch::sameBytes, "the same bytes");
        } catch (MicrocodeFormatException e) {
            throw new AssertionError("a patch handed out does not parse on its own", e);
        }
    }

    private static int dwordSum(ByteBuffer bytes, int length) {
        ByteBuffer dwords = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int sum = 0;
        for (int i = 0; i < length; i += 4) {
            sum += dwords.getInt(i);
        }
        return sum;
    }
}
