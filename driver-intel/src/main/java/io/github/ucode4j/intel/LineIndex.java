package io.github.ucode4j.intel;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The lines of a text and where each starts, found in one pass, so that naming the line and column of an offset
 * takes logarithmic time: recover mode names a place in a {@code .dat} text for every candidate it rejects, and a
 * scan from the start for each would take time quadratic in the text.
 *
 * <p>Lines end at LF, as iucode_tool reads them, so that CRLF works (the CR is then a blank). A text without any LF
 * but with CRs has its lines end at CR: iucode_tool reads such a text as one line and fails, though its meaning is
 * plain.
 */
final class LineIndex {
    private final ByteBuffer text;
    private final byte terminator;
    private final int[] lineStarts;

    LineIndex(ByteBuffer text) {
        this.text = text;
        this.terminator = contains(text, (byte) '\n') || !contains(text, (byte) '\r') ? (byte) '\n' : (byte) '\r';
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.limit(); i++) {
            if (text.get(i) == terminator) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    /** How many lines the text has; a terminator at its very end starts an empty last line. */
    int count() {
        return lineStarts.length;
    }

    /** The offset of line {@code line}'s first byte (lines counted from 0). */
    int start(int line) {
        return lineStarts[line];
    }

    /** The offset just after line {@code line}'s last byte, before its terminator (lines counted from 0). */
    int end(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.limit();
    }

    /** {@code line L, column C} of {@code offset}, both counted from 1. */
    String lineAndColumn(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        int line = found >= 0 ? found : -found - 2;
        return "line " + (line + 1) + ", column " + (offset - lineStarts[line] + 1);
    }

    private static boolean contains(ByteBuffer text, byte wanted) {
        for (int i = 0; i < text.limit(); i++) {
            if (text.get(i) == wanted) {
                return true;
            }
        }
        return false;
    }
}
