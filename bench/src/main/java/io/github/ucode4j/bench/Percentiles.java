package io.github.ucode4j.bench;

import java.util.Arrays;

/** Percentiles of a set of measurements, by the nearest-rank rule: every value reported was measured. */
final class Percentiles {
    private final long[] sorted;

    /**
     * @throws IllegalArgumentException when there are no values
     */
    Percentiles(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /**
     * The smallest value that at least {@code percent} % of the values do not exceed.
     *
     * @throws IllegalArgumentException when {@code percent} is not in 1..100
     */
    long at(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be in 1..100: " + percent);
        }
        // Integer ceiling of percent % of the count: floating point would turn 99 % of 2000 into rank 1981.
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) rank - 1];
    }

    long median() {
        return at(50);
    }

    long max() {
        return sorted[sorted.length - 1];
    }
}
