package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CpuListTest {

    @Test
    void parsesSinglesAndRangesAsTheKernelWritesThem() {
        assertThat(CpuList.parse("0-3,8\n")).containsExactly(0, 1, 2, 3, 8);
        assertThat(CpuList.parse("0")).containsExactly(0);
        assertThat(CpuList.parse("1,0,1-2")).containsExactly(0, 1, 2);
        assertThat(CpuList.parse("\n")).isEmpty();
        assertThat(CpuList.parse("8191")).containsExactly(CpuList.MAX_CPU);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0-3,,8", "a", "1-", "-1", "3-1", "0 1", "0-3,", "0x1", "99999999", "0-9999999", "8192"})
    void rejectsMalformedListsSayingWhichItemIsWrong(String text) {
        assertThatThrownBy(() -> CpuList.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed CPU list '" + text.strip() + "'");
    }

    @Test
    void formatsWithRangesCollapsed() {
        assertThat(CpuList.format(List.of(8, 0, 1, 2, 3))).isEqualTo("0-3,8");
        assertThat(CpuList.format(List.of(5))).isEqualTo("5");
        assertThat(CpuList.format(List.of(1, 3))).isEqualTo("1,3");
        assertThat(CpuList.format(List.of())).isEmpty();
    }
}
