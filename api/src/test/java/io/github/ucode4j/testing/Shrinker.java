package io.github.ucode4j.testing;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Proposes smaller variants of a failing value; the harness keeps the first one that still fails. */
@FunctionalInterface
public interface Shrinker<T> {

    /** Smaller candidates for {@code value}, most promising first; empty when nothing is smaller. */
    Stream<T> candidates(T value);

    /** Proposes nothing. */
    static <T> Shrinker<T> none() {
        return value -> Stream.empty();
    }

    /**
     * Byte arrays by halving: drop the first or second half, then chunks of a quarter, an eighth, down to single
     * bytes.
     */
    static Shrinker<byte[]> bytesByHalving() {
        return data -> {
            int length = data.length;
            return IntStream.iterate(length / 2, chunk -> chunk >= 1, chunk -> chunk / 2)
                    .boxed()
                    .flatMap(chunk -> IntStream.iterate(0, start -> start < length, start -> start + chunk)
                            .mapToObj(start -> without(data, start, Math.min(length, start + chunk))));
        };
    }

    private static byte[] without(byte[] data, int from, int to) {
        byte[] shorter = Arrays.copyOf(data, data.length - (to - from));
        System.arraycopy(data, to, shorter, from, data.length - to);
        return shorter;
    }
}
