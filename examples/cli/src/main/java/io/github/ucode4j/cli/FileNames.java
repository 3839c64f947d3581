package io.github.ucode4j.cli;

import io.github.ucode4j.cache.input.PathNames;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * File names given as arguments, as the bytes they are (the library's {@link PathNames} shows them). A Linux file name is any bytes but '/' and NUL; Java 17 turns names into strings
 * through {@code sun.jnu.encoding}, the locale's charset, which cannot be changed on the command line, and a name that
 * is not valid there (the byte 0xE9 under UTF-8) cannot be opened from a string. Two public routes carry the bytes
 * themselves: {@link Path#of(URI)} builds a path from percent-encoded bytes, and {@link Path#toUri()} gives a path's
 * bytes back. A string carries a byte that is not UTF-8 as the low surrogate U+DC00 plus the byte, which decoding
 * never produces.
 */
public final class FileNames {
    // A byte b that is not UTF-8 (0x80..0xff) rides in a string as the char BYTE_CARRIER + b.
    private static final char BYTE_CARRIER = '\udc00';
    private static final Charset NAMES = PathNames.charsetOfNames();
    private static final HexFormat HEX = HexFormat.of();

    private FileNames() {
    }

    /**
     * The path {@code text} names: the file whose name is its UTF-8 bytes, a byte carried as U+DC00 plus the byte
     * taken as it is. Built as Java builds paths wherever the charset of names spells the same bytes.
     *
     * @param text a file name as a command-line argument, as {@link RawArguments} recovers it
     * @return the path of the file whose name is those bytes
     * @throws IllegalArgumentException when it holds a NUL
     */
    public static Path fromArgument(String text) {
        byte[] name = bytes(text);
        if (NAMES.newEncoder().canEncode(text) && Arrays.equals(text.getBytes(NAMES), name)) {
            return Path.of(text);
        }
        return of(name);
    }

    /**
     * The path of exactly these bytes, relative unless they start with '/'.
     *
     * @param name the name's bytes, elements separated by '/'; empty elements are dropped
     * @return the path of the file whose name is those bytes
     * @throws IllegalArgumentException when they hold a NUL
     */
    public static Path of(byte[] name) {
        Path path = Path.of(name.length > 0 && name[0] == '/' ? "/" : "");
        int start = 0;
        for (int end = 0; end <= name.length; end++) {
            if (end == name.length || name[end] == '/') {
                if (end > start) {
                    path = path.resolve(element(name, start, end));
                }
                start = end + 1;
            }
        }
        return path;
    }

    /** {@code bytes} as a string: UTF-8 where they are, each other byte carried as U+DC00 plus the byte. */
    static String carried(byte[] bytes) {
        return PathNames.text(bytes, b -> String.valueOf((char) (BYTE_CARRIER + b)));
    }

    // The UTF-8 bytes of text, each carried byte as the byte itself.
    private static byte[] bytes(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() + 8);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isCarriedByte(text, i)) {
                bytes.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                if (i < text.length()) {
                    bytes.write(text.charAt(i) - BYTE_CARRIER);
                }
                start = i + 1;
            }
        }
        return bytes.toByteArray();
    }

    /** Whether the char at {@code index} carries a byte that is not UTF-8 (a low surrogate U+DC80..U+DCFF alone). */
    static boolean isCarriedByte(CharSequence text, int index) {
        char c = text.charAt(index);
        return c >= BYTE_CARRIER + 0x80 && c <= BYTE_CARRIER + 0xff
                && (index == 0 || !Character.isHighSurrogate(text.charAt(index - 1)));
    }

    // One name element of exactly these bytes: the last element of the absolute URI path "/" + the percent-encoded bytes.
    private static Path element(byte[] name, int start, int end) {
        StringBuilder uri = new StringBuilder("file:///");
        for (int i = start; i < end; i++) {
            uri.append('%').append(HEX.toHexDigits(name[i]));
        }
        return Path.of(URI.create(uri.toString())).getFileName();
    }
}
