package io.github.ucode4j.intel;

import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The legacy text format ({@code microcode.dat}), read line by line as iucode_tool reads it: a line holds C hex
 * dwords ({@code 0x...}) separated by commas, and from a {@code /} on, a comment to the end of the line. So a line
 * that begins with {@code /} is a comment whatever follows: a C comment, {@code //}, or the licence lines of Intel's
 * older files ({@code /+++...}, {@code /<TAB>...}); a comma may end a line or not; blank lines are allowed. Lines end
 * as {@link LineIndex} says.
 *
 * <p>Where iucode_tool reads otherwise: it refuses a {@code /} right after a value ({@code 0x1/ c}) and a text whose
 * lines end at CR alone, which are read here; it takes decimal and octal values, which no Intel file holds and which
 * are refused here; it skips a text without values, which is {@code EMPTY} here. A C comment over several lines is
 * refused by both, unless each of its lines begins with {@code /}.
 *
 * <p>Decoding yields the binary stream (the dwords, little-endian) and remembers where each dword's text starts, so
 * that errors found in the binary name a place in the text.
 */
final class DatText implements InputPositions {
    private final ByteBuffer stream;
    private final int[] dwordOffsets;
    private final int textLength;
    private final LineIndex lines;

    private DatText(ByteBuffer stream, int[] dwordOffsets, int textLength, LineIndex lines) {
        this.stream = stream;
        this.dwordOffsets = dwordOffsets;
        this.textLength = textLength;
        this.lines = lines;
    }

    /**
     * Whether {@code head} holds only printable ASCII and blanks. A binary patch never does (its header version
     * holds three zero bytes), so such an input is parsed as text, and its errors name a line and column.
     */
    static boolean isText(ByteBuffer head) {
        for (int i = head.position(); i < head.limit(); i++) {
            if (!isTextByte(head.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code head} looks like the start of a {@code .dat} file: {@linkplain #isText text}, and after blanks
     * and comment lines (here ended by CR or LF) either a {@code 0x} number or the end of the head.
     */
    static boolean looksLikeText(ByteBuffer head) {
        if (!isText(head)) {
            return false;
        }
        int end = head.limit();
        int at = head.position();
        while (at < end) {
            byte b = head.get(at);
            if (isBlank(b)) {
                at++;
            } else if (b == '/') {
                at = afterLineEnd(head, at);
            } else {
                return isHexPrefix(head, at);
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
        return dword < dwordOffsets.length ? dwordOffsets[(int) dword] : textLength;
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

    private static boolean isHexPrefix(ByteBuffer text, int at) {
        return at + 1 < text.limit() && text.get(at) == '0' && (text.get(at + 1) == 'x' || text.get(at + 1) == 'X');
    }

    private static int afterLineEnd(ByteBuffer text, int from) {
        for (int at = from; at < text.limit(); at++) {
            if (text.get(at) == '\n' || text.get(at) == '\r') {
                return at + 1;
            }
        }
        return text.limit();
    }

    private static int hexDigit(byte b) {
        return Character.digit((char) (b & 0xff), 16);
    }

    /** One pass over the text; not reusable. */
    private static final class Decoder {
        private static final long MAX_DWORD = 0xffff_ffffL;

        private final ByteBuffer text;
        private final String source;
        private final LineIndex lines;
        private int[] values = new int[256];
        private int[] offsets = new int[256];
        private int count;

        Decoder(ByteBuffer text, String source) {
            this.text = text;
            this.source = source;
            this.lines = new LineIndex(text);
        }

        DatText decode() throws MicrocodeFormatException {
            for (int line = 0; line < lines.count(); line++) {
                readLine(lines.start(line), lines.end(line));
            }
            if (count == 0) {
                throw new MicrocodeFormatException(InputRule.EMPTY, source, 0, "the text holds no dwords");
            }
            ByteBuffer stream = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                stream.putInt(i * 4, values[i]);
            }
            return new DatText(stream, Arrays.copyOf(offsets, count), text.limit(), lines);
        }

        /** The values of one line, up to its end or to the {@code /} that begins its comment. */
        private void readLine(int start, int end) throws MicrocodeFormatException {
            int at = skipBlanks(start, end);
            while (at < end && text.get(at) != '/') {
                at = skipBlanks(number(at, end), end);
                if (at < end && text.get(at) == ',') {
                    at = skipBlanks(at + 1, end);
                } else if (at < end && text.get(at) != '/') {
                    throw syntax(at, "values must be separated by commas");
                }
            }
        }

        /** Reads {@code 0x} and hex digits at {@code start}; returns the offset after them. */
        private int number(int start, int end) throws MicrocodeFormatException {
            if (text.get(start) == ',') {
                throw syntax(start, "a comma with no value before it");
            }
            if (!isHexPrefix(text, start)) {
                throw syntax(start, "unexpected character '" + printable(text.get(start)) + "'");
            }
            int at = start + 2;
            long value = 0;
            for (; at < end && hexDigit(text.get(at)) >= 0; at++) {
                value = (value << 4) | hexDigit(text.get(at));
                if (value > MAX_DWORD) {
                    throw syntax(start, "a value wider than 32 bits");
                }
            }
            if (at == start + 2) {
                throw syntax(start, "0x with no hex digits");
            }
            if (at < end && Character.isLetterOrDigit((char) (text.get(at) & 0xff))) {
                throw syntax(at, "unexpected character '" + printable(text.get(at)) + "' in a number");
            }
            append((int) value, start);
            return at;
        }

        private int skipBlanks(int from, int end) {
            int at = from;
            while (at < end && isBlank(text.get(at))) {
                at++;
            }
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
                    detail + ", at " + lines.lineAndColumn(offset));
        }

        private static String printable(byte b) {
            return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
        }
    }
}
