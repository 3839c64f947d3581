package io.github.ucode4j.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer for people's eyes: control characters in whatever is printed are escaped, so that a file named
 * {@code a\nb} or holding an ANSI escape sequence can neither break a line nor colour or move the terminal. Only
 * the line ends {@link #println()} adds are written as they are: print one line per {@code println}.
 */
public final class EscapingWriter extends PrintWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Prints to {@code target}, flushing it at every line end.
     *
     * @param target where the escaped text goes; closed when this writer is
     */
    public EscapingWriter(Writer target) {
        super(target, true);
    }

    /**
     * {@code text} with its control characters escaped: {@code \n}, {@code \t}, {@code \r}; the other C0 controls
     * and DEL as {@code \x1b}; the C1 controls as their UTF-8 bytes, {@code \xc2\x9b}. A byte of an argument that is not
     * UTF-8, as {@link FileNames} carries it in a string, shows as {@code \xe9}. Everything else is kept.
     *
     * @param text the text to show
     * @return the text with its controls escaped; equal to {@code text} when it has none
     */
    public static String escape(CharSequence text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i, c);
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escaped != null) {
                escaped.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return escaped == null ? text.toString() : escaped.toString();
    }

    private static String replacement(CharSequence text, int index, char c) {
        String named = switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> null;
        };
        if (named != null) {
            return named;
        }
        if (c < 0x20 || c == 0x7f) {
            return hex(c);
        }
        if (c >= 0x80 && c <= 0x9f) {
            return "\\xc2" + hex(c);
        }
        if (FileNames.isCarriedByte(text, index)) {
            return hex(c & 0xff);
        }
        return null;
    }

    private static String hex(int b) {
        return "\\x" + HEX[b >> 4 & 0xf] + HEX[b & 0xf];
    }

    @Override
    public void write(int c) {
        String text = escape(String.valueOf((char) c));
        super.write(text, 0, text.length());
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        String text = escape(new String(buffer, offset, length));
        super.write(text, 0, text.length());
    }

    @Override
    public void write(String text, int offset, int length) {
        String escaped = escape(text.substring(offset, offset + length));
        super.write(escaped, 0, escaped.length());
    }
}
