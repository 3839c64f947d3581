package io.github.ucode4j.intel;

/** The checksum arithmetic a {@link PatchReader} needs: the sum of the dwords of a range of its stream. */
@FunctionalInterface
interface DwordRangeSum {

    /** The sum of the dwords in {@code [from, from + length)}; length a multiple of 4, the range inside the stream. */
    int of(int from, int length);
}
