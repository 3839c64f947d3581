package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayCpusTest {

    @Test
    void spellsCpusAsTheKernelsCpuListWhateverTheirOrder() {
        assertThat(Display.cpus(List.of(0, 1, 2, 3, 8))).isEqualTo("0-3,8");
        assertThat(Display.cpus(List.of(3, 1, 2, 2))).as("a set: ascending, each CPU once").isEqualTo("1-3");
    }
}
