package io.github.ucode4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PropertiesTest {

    @AfterEach
    void clearReplay() {
        System.clearProperty("property.seed");
    }

    @Test
    void aTruePropertyTriesTheConfiguredNumberOfValues() {
        List<Integer> seen = new ArrayList<>();
        Properties.forAll("ints are ints", Generator.ints(0, 10), seen::add);
        assertThat(seen).hasSize(Properties.tries());
    }

    @Test
    void aFalsePropertyFailsWithASeedThatReplaysTheSameValue() {
        List<byte[]> firstRun = new ArrayList<>();
        AssertionError failure = catchFailure(() -> Properties.forAll("no byte is 0x42", Generator.bytes(0, 64),
                bytes -> {
                    firstRun.add(bytes);
                    assertThat(bytes).doesNotContain((byte) 0x42);
                }));
        assertThat(failure).hasMessageContaining("property 'no byte is 0x42' failed on try")
                .hasMessageContaining("replay with -Dproperty.seed=0x");
        Matcher seed = Pattern.compile("-Dproperty.seed=(0x[0-9a-f]+)").matcher(failure.getMessage());
        assertThat(seed.find()).isTrue();

        byte[] failingValue = firstRun.stream().filter(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                .indexOf(0x42) >= 0).findFirst().orElseThrow();
        System.setProperty("property.seed", seed.group(1));
        List<byte[]> replay = new ArrayList<>();
        catchFailure(() -> Properties.forAll("no byte is 0x42", Generator.bytes(0, 64), bytes -> {
            replay.add(bytes);
            assertThat(bytes).doesNotContain((byte) 0x42);
        }));
        assertThat(replay.get(0)).isEqualTo(failingValue);
    }

    @Test
    void seedsWithTheHighBitSetReplay() {
        System.setProperty("property.seed", "0xfedcba9876543210");
        List<Integer> seen = new ArrayList<>();
        Properties.forAll("replays one", Generator.ints(0, 1000), seen::add);
        System.setProperty("property.seed", "0xFEDCBA9876543210");
        Properties.forAll("replays the same", Generator.ints(0, 1000), seen::add);
        assertThat(seen).hasSize(2).containsOnly(seen.get(0));
    }

    @Test
    void aFailingByteArrayIsShrunkByHalving() {
        AssertionError failure = catchFailure(() -> Properties.forAllBytes("fewer than 3 bytes equal 7",
                random -> {
                    byte[] data = Generator.bytes(100, 400).next(random);
                    data[10] = data[50] = data[90] = 7;
                    return data;
                },
                bytes -> assertThat(countSevens(bytes)).isLessThan(3)));
        assertThat(failure).hasMessageContaining("shrunk: 3 bytes: 070707");
    }

    @Test
    void theFailureOfThePropertyIsTheCause() {
        AssertionError failure = catchFailure(() -> Properties.forAll("throws", Generator.ints(0, 1), i -> {
            throw new IllegalStateException("boom " + i);
        }));
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("boom");
    }

    @Test
    void anAssumptionThatAbortsInsideAPropertySkipsTheTestInsteadOfFailingIt() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> Properties.forAll("needs the corpus", Generator.ints(0, 10), value -> {
            seen.add(value);
            Assumptions.assumeTrue(false, "no corpus here");
        })).isInstanceOf(TestAbortedException.class).hasMessageContaining("no corpus here");
        assertThat(seen).hasSize(1);
    }

    private static int countSevens(byte[] bytes) {
        int count = 0;
        for (byte b : bytes) {
            count += b == 7 ? 1 : 0;
        }
        return count;
    }

    private static AssertionError catchFailure(Runnable run) {
        return (AssertionError) org.assertj.core.api.Assertions.catchThrowable(run::run);
    }
}
