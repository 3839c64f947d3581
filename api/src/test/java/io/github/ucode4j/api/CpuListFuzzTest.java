package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ucode4j.testing.ResourceBudget;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fuzz target of {@link CpuList#parse}: it may only return or throw its documented
 * {@link IllegalArgumentException}, within a {@link ResourceBudget}, and what it returns formats and parses back to
 * itself. Without {@code JAZZER_FUZZ} the target replays the hand-written seeds and every reproducer under
 * {@code src/test/resources/io/github/ucode4j/api/CpuListFuzzTestInputs/}.
 *
 * <p>To fuzz it for ten minutes, from the repository root (the working corpus grows in {@code api/.cifuzz-corpus/};
 * a crash is saved beside the seeds, to be committed as a reproducer with its fix):
 * <pre>{@code JAZZER_FUZZ=1 mvn -pl api test -Dtest=CpuListFuzzTest#cpuList -Djazzer.max_duration=10m}</pre>
 */
class CpuListFuzzTest {

    @FuzzTest
    void cpuList(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ResourceBudget.check(input.length, IllegalArgumentException.class, () -> {
            List<Integer> cpus = CpuList.parse(text);
            assertThat(CpuList.parse(CpuList.format(cpus))).as("format, then parse again").isEqualTo(cpus);
        });
    }
}
