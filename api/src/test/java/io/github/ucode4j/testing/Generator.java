package io.github.ucode4j.testing;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Makes one random value from a seeded source. Generators must draw every random choice from {@code random}, so
 * that a seed replays the same value.
 */
@FunctionalInterface
public interface Generator<T> {

    /** A value drawn from {@code random}. */
    T next(SplittableRandom random);

    /** This generator's values passed through {@code f}. */
    default <R> Generator<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    /** Arrays of {@code min} to {@code max} (inclusive) uniformly random bytes. */
    static Generator<byte[]> bytes(int min, int max) {
        return random -> {
            byte[] data = new byte[random.nextInt(min, max + 1)];
            random.nextBytes(data);
            return data;
        };
    }

    /** Integers uniformly from {@code min} to {@code max}, inclusive. */
    static Generator<Integer> ints(int min, int max) {
        return random -> (int) random.nextLong(min, (long) max + 1);
    }
}
