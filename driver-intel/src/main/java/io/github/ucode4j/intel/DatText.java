package io.github.ucode4j.intel;

import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The legacy text format ({@code microcode.dat}): comma-separated C hex dwords with C comments (block and line,
 * as iucode_tool also accepts) and blank lines. Decoding yields the binary stream (the dwords, little-endian) and remembers where each dword's text
 * starts, so that errors found in the binary name a place in the text.
 */
final class DatText implements InputPositions {
    private final ByteBuffer text;
    private final ByteBuffer stream;
    private final int[] dwordOffsets;
    private final LineIndex lines;

    private DatText(ByteBuffer text, ByteBuffer stream, int[] dwordOffsets) {
        this.text = text;
        this.stream = stream;
        this.dwordOffsets = dwordOffsets;
        this.lines = new LineIndex(text);
    }

    /**
     * Whether {@code head} looks like the start of a {@code .dat} file: text only, and after blanks and comments
     * either a {@code 0x} number or the end of the head. Text without numbers is taken as text, so that its error
     * says so; recover mode scans it as bytes instead.
     */
    static boolean looksLikeText(ByteBuffer head) {
        int end = head.limit();
        for (int i = head.position(); i < end; i++) {
            if (!isTextByte(head.get(i))) {
                return false;
            }
        }
        int at = head.position();
        while (at < end) {
            byte b = head.get(at);
            if (isBlank(b)) {
                at++;
            } else if (startsWith(head, at, "/*")) {
                int close = indexOf(head, at + 2, "*/");
                if (close < 0) {
                    return true;
                }
                at = close + 2;
            } else if (startsWith(head, at, "//")) {
                at = endOfLine(head, at);
            } else {
                return startsWith(head, at, "0x") || startsWith(head, at, "0X");
            }
        }
        return at > head.position();
    }

    /** Decodes the whole text (from 0 to its limit) into its binary stream. */
    static DatText decode(ByteBuffer text, String source) throws MicrocodeFormatException {
        return new Decoder(text, source).decode();
    }

    /** The binary stream: the dwords, little-endian, from offset 0. */
    ByteBuffer stream() {
        return stream;
    }

    @Override
    public long sourceOffset(long streamOffset) {
        long dword = streamOffset / 4;
        return dword < dwordOffsets.length ? dwordOffsets[(int) dword] : text.limit();
    }

    @Override
    public String describe(long streamOffset) {
        return "dword " + streamOffset / 4 + " of the text, " + lines.lineAndColumn((int) sourceOffset(streamOffset));
    }

    private static boolean isTextByte(byte b) {
        return (b >= 0x20 && b < 0x7f) || isBlank(b);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0b;
    }

    private static boolean startsWith(ByteBuffer text, int at, String prefix) {
        if (at + prefix.length() > text.limit()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.get(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(ByteBuffer text, int from, String needle) {
        for (int at = from; at + needle.length() <= text.limit(); at++) {
            if (startsWith(text, at, needle)) {
                return at;
            }
        }
        return -1;
    }

    private static int endOfLine(ByteBuffer text, int from) {
        int newline = indexOf(text, from, "\n");
        return newline < 0 ? text.limit() : newline + 1;
    }

    private static int hexDigit(byte b) {
        return Character.digit((char) (b & 0xff), 16);
    }

    /** One pass over the text; not reusable. */
    private static final class Decoder {
        private final ByteBuffer text;
        private final String source;
        private int[] values = new int[256];
        private int[] offsets = new int[256];
        private int count;

        Decoder(ByteBuffer text, String source) {
            this.text = text;
            this.source = source;
        }

        DatText decode() throws MicrocodeFormatException {
            boolean valueAllowed = true;
            int at = 0;
            while (at < text.limit()) {
                byte b = text.get(at);
                if (isBlank(b)) {
                    at++;
                } else if (startsWith(text, at, "/*")) {
                    int close = indexOf(text, at + 2, "*/");
                    if (close < 0) {
                        throw syntax(at, "a comment is not closed");
                    }
                    at = close + 2;
                } else if (startsWith(text, at, "//")) {
                    at = endOfLine(text, at);
                } else if (b == ',') {
                    if (valueAllowed) {
                        throw syntax(at, "a comma with no value before it");
                    }
                    valueAllowed = true;
                    at++;
                } else if (startsWith(text, at, "0x") || startsWith(text, at, "0X")) {
                    if (!valueAllowed) {
                        throw syntax(at, "values must be separated by commas");
                    }
                    at = number(at);
                    valueAllowed = false;
                } else {
                    throw syntax(at, "unexpected character '" + printable(b) + "'");
                }
            }
            if (count == 0) {
                throw new MicrocodeFormatException(InputRule.EMPTY, source, 0, "the text holds no dwords");
            }
            ByteBuffer stream = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                stream.putInt(i * 4, values[i]);
            }
            return new DatText(text, stream, Arrays.copyOf(offsets, count));
        }

        /** Reads {@code 0x} and one to eight hex digits at {@code start}; returns the offset after them. */
        private int number(int start) throws MicrocodeFormatException {
            int at = start + 2;
            long value = 0;
            int digits = 0;
            while (at < text.limit() && hexDigit(text.get(at)) >= 0) {
                value = (value << 4) | hexDigit(text.get(at));
                if (++digits > 8) {
                    throw syntax(start, "a value wider than 32 bits");
                }
                at++;
            }
            if (digits == 0) {
                throw syntax(start, "0x with no hex digits");
            }
            if (at < text.limit() && Character.isLetterOrDigit((char) (text.get(at) & 0xff))) {
                throw syntax(at, "unexpected character '" + printable(text.get(at)) + "' in a number");
            }
            append((int) value, start);
            return at;
        }

        private void append(int value, int offset) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
            }
            values[count] = value;
            offsets[count++] = offset;
        }

        private MicrocodeFormatException syntax(int offset, String detail) {
            return new MicrocodeFormatException(IntelRule.DAT_SYNTAX, source, offset,
                    detail + ", at " + new LineIndex(text).lineAndColumn(offset));
        }

        private static String printable(byte b) {
            return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
        }
    }
}
