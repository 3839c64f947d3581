package io.github.ucode4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOnOneToAHundred() {
        Percentiles p = new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
        assertThat(p.median()).isEqualTo(50);
        assertThat(p.at(90)).isEqualTo(90);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void ranksAreCountedInIntegers() {
        Percentiles p = new Percentiles(LongStream.rangeClosed(1, 2000).toArray());
        assertThat(p.at(99)).isEqualTo(1980);
        assertThat(p.at(1)).isEqualTo(20);
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        Percentiles p = new Percentiles(new long[] {7});
        assertThat(p.at(1)).isEqualTo(7);
        assertThat(p.at(100)).isEqualTo(7);
    }

    @Test
    void rejectsNoValuesAndPercentsOutOfRange() {
        assertThatThrownBy(() -> new Percentiles(new long[0])).isInstanceOf(IllegalArgumentException.class);
        Percentiles p = new Percentiles(new long[] {1, 2});
        assertThatThrownBy(() -> p.at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
