package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpuListTest {
    private static final String CPU_LIST_ALPHABET = "0123456789,- \nx";

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

    @Test
    void twoNeighboursAreARangeAsTheKernelWritesThem() {
        assertThat(CpuList.format(List.of(0, 1))).isEqualTo("0-1");
        assertThat(CpuList.format(List.of(6, 7, 9))).isEqualTo("6-7,9");
    }

    @Test
    void formatsASetWhateverTheOrderAndRepetitionOfItsNumbers() {
        assertThat(CpuList.format(List.of(3, 1, 1, 2))).isEqualTo("1-3");
        assertThat(CpuList.format(List.of(9, 4, 9))).isEqualTo("4,9");
    }

    @Test
    void formatsNumbersAboveTheParsersBoundWithoutAllocatingForThem() {
        assertThat(CpuList.format(List.of(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, 0))).isEqualTo("0,2147483646-2147483647");
    }

    @Test
    void refusesANegativeCpuNumber() {
        assertThatThrownBy(() -> CpuList.format(List.of(2, -1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CPU numbers are never negative: -1");
    }

    @Test
    void formattingThenParsingACpuSetGivesItBack() {
        Generator<List<Integer>> sets = random -> {
            TreeSet<Integer> cpus = new TreeSet<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                cpus.add(random.nextBoolean() ? random.nextInt(300) : random.nextInt(CpuList.MAX_CPU + 1));
            }
            return List.copyOf(cpus);
        };
        Properties.forAll("CpuList.parse(format(cpus)) == cpus", sets,
                cpus -> assertThat(CpuList.parse(CpuList.format(cpus))).isEqualTo(cpus));
    }

    @Test
    void parsingThenFormattingAListGivesTheKernelsOwnSpelling() {
        Generator<int[]> runs = random -> random.ints(random.nextInt(12), 1, 4).toArray();
        Properties.forAll("format(parse(text)) == text for a list in canonical form", runs, gapsAndLengths -> {
            StringBuilder text = new StringBuilder();
            int previousLast = -2; // so that the first run may start at CPU 0
            for (int i = 0; i + 1 < gapsAndLengths.length; i += 2) {
                int first = previousLast + 1 + gapsAndLengths[i]; // a gap of at least one CPU, or two runs are one
                int last = first + gapsAndLengths[i + 1] - 1;
                text.append(text.length() == 0 ? "" : ",").append(first == last ? "" + first : first + "-" + last);
                previousLast = last;
            }
            assertThat(CpuList.format(CpuList.parse(text.toString()))).as(Arrays.toString(gapsAndLengths))
                    .isEqualTo(text.toString());
        });
    }

    @Test
    void parsingEitherSucceedsOrSaysTheListIsMalformed() {
        Generator<String> texts = random -> {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(17); i > 0; i--) {
                text.append(CPU_LIST_ALPHABET.charAt(random.nextInt(CPU_LIST_ALPHABET.length())));
            }
            return text.toString();
        };
        Properties.forAll("CpuList.parse is total", texts, text -> {
            try {
                assertThat(CpuList.parse(text)).isSorted().doesNotHaveDuplicates();
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("malformed CPU list");
            }
        });
    }
}
