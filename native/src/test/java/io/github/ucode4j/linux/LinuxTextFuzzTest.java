package io.github.ucode4j.linux;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.testing.ResourceBudget;
import java.nio.charset.StandardCharsets;

/**
 * The fuzz target of the parser of kernel text, {@link CpuInfo} ({@code /proc/cpuinfo}; the sysfs CPU lists are
 * api's {@code CpuList}, fuzzed there): it may only return or throw its documented
 * {@link IllegalArgumentException}, within a {@link ResourceBudget}. Without {@code JAZZER_FUZZ} the target replays
 * the hand-written seeds and every reproducer under
 * {@code src/test/resources/io/github/ucode4j/linux/LinuxTextFuzzTestInputs/}.
 *
 * <p>To fuzz it for ten minutes, from the repository root (the working corpus grows in
 * {@code native/.cifuzz-corpus/}; a crash is saved beside the seeds, to be committed as a reproducer with its fix):
 * <pre>{@code JAZZER_FUZZ=1 mvn -pl native test -Dtest=LinuxTextFuzzTest#cpuInfo -Djazzer.max_duration=10m}</pre>
 */
class LinuxTextFuzzTest {

    @FuzzTest
    void cpuInfo(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ResourceBudget.check(input.length, IllegalArgumentException.class, () -> {
            CpuInfo info = CpuInfo.parse(text);
            for (int cpu : info.processors().keySet()) {
                info.decimal(cpu, "model");
                info.hex(cpu, "microcode");
                info.flags(cpu);
            }
        });
    }
}
