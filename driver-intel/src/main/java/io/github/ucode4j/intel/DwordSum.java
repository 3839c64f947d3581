package io.github.ucode4j.intel;

import java.nio.ByteBuffer;

/** The checksum arithmetic of the format: sums of little-endian dwords modulo 2^32 (plain int overflow). */
final class DwordSum {
    private DwordSum() {
    }

    /** The sum of the dwords in {@code [from, from + length)} of a little-endian buffer; length a multiple of 4. */
    static int of(ByteBuffer littleEndian, int from, int length) {
        int sum = 0;
        int end = from + length;
        for (int i = from; i < end; i += 4) {
            sum += littleEndian.getInt(i);
        }
        return sum;
    }
}
