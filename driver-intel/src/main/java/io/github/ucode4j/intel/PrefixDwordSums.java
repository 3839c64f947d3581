package io.github.ucode4j.intel;

import java.nio.ByteBuffer;

/**
 * Every dword range sum of one stream in constant time, after one linear pass. Recover mode checks a candidate
 * patch at every offset; summing each candidate's bytes afresh would take time quadratic in the input, which a
 * crafted file (a header repeated every few bytes, each claiming most of the input) turns into hours.
 */
final class PrefixDwordSums implements DwordRangeSum {
    /** {@code prefix[i]}: the sum of the dwords that end at or before byte {@code i} and start at {@code i % 4}. */
    private final int[] prefix;

    PrefixDwordSums(ByteBuffer littleEndian) {
        int limit = littleEndian.limit();
        prefix = new int[limit + 1];
        for (int end = 4; end <= limit; end++) {
            prefix[end] = prefix[end - 4] + littleEndian.getInt(end - 4);
        }
    }

    @Override
    public int of(int from, int length) {
        return prefix[from + length] - prefix[from];
    }
}
