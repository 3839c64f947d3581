package io.github.ucode4j.cache;

import io.github.ucode4j.testing.ResourceBudget;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz targets for the command line's filter syntax: {@link SignatureFilter#parse} (through
 * {@link Selection.Builder#signature(String)}, which also takes a lone {@code !}) and the dates of
 * {@link Selection.Builder#dateBefore} and {@link Selection.Builder#dateAfter}. Each may only return or throw
 * {@link InvalidFilterException}, within a {@link ResourceBudget}. Without {@code JAZZER_FUZZ} the targets replay
 * the hand-written seeds and every reproducer under
 * {@code src/test/resources/io/github/ucode4j/cache/FilterFuzzTestInputs/}.
 *
 * <p>To fuzz one target for ten minutes, from the repository root (the working corpus grows in
 * {@code cache/.cifuzz-corpus/}; a crash is saved beside the seeds, to be committed as a reproducer with its fix):
 * <pre>{@code JAZZER_FUZZ=1 mvn -pl cache test -Dtest=FilterFuzzTest#signatureFilter -Djazzer.max_duration=10m}</pre>
 */
class FilterFuzzTest {

    @FuzzTest
    void signatureFilter(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ResourceBudget.check(input.length, InvalidFilterException.class,
                () -> Selection.builder().signature(text).build().toString());
    }

    @FuzzTest
    void dates(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ResourceBudget.check(input.length, InvalidFilterException.class,
                () -> Selection.builder().dateBefore(text).dateAfter(text).build().toString());
    }
}
