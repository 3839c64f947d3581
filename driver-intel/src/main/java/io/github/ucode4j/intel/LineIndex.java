package io.github.ucode4j.intel;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Where each line of a text starts, found in one pass, so that naming the line and column of an offset takes
 * logarithmic time: recover mode names a place in a {@code .dat} text for every candidate it rejects, and a scan
 * from the start for each would take time quadratic in the text.
 */
final class LineIndex {
    private final int[] lineStarts;

    LineIndex(ByteBuffer text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.limit(); i++) {
            if (text.get(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    /** {@code line L, column C} of {@code offset}, both counted from 1. */
    String lineAndColumn(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int line = found >= 0 ? found : -found - 2;
        return "line " + (line + 1) + ", column " + (offset - lineStarts[line] + 1);
    }
}
