package io.github.ucode4j.rendezvous.simulated;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a simulated load keeps its CPU busy: uniformly between {@code min} and {@code max}, drawn from the
 * machine's seeded random source so that a run replays.
 *
 * @param min the shortest load
 * @param max the longest load, not below {@code min}
 */
public record ApplyLatency(Duration min, Duration max) {

    /** Loads take no time: what measures the rendezvous's own overhead. */
    public static final ApplyLatency NONE = new ApplyLatency(Duration.ZERO, Duration.ZERO);

    /**
     * @param min the shortest load; zero or more
     * @param max the longest load; not below {@code min}
     * @throws IllegalArgumentException when {@code min} is negative or {@code max} below it
     */
    public ApplyLatency {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency from " + min + " to " + max);
        }
    }

    /**
     * A latency of exactly {@code duration}.
     *
     * @param duration how long every load takes; zero or more
     * @return a latency whose shortest and longest loads are both {@code duration}
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public static ApplyLatency fixed(Duration duration) {
        return new ApplyLatency(duration, duration);
    }

    /** One load's duration in nanoseconds, drawn from {@code random}. */
    long sampleNanos(SplittableRandom random) {
        long low = min.toNanos();
        long high = max.toNanos();
        return low == high ? low : random.nextLong(low, high + 1);
    }
}
