package io.github.ucode4j.cache.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;

/**
 * File names as people read them. A Linux file name is any bytes but '/' and NUL; Java 17 turns names into strings
 * through {@code sun.jnu.encoding}, the locale's charset, and replaces what that charset cannot spell, so two names
 * can print alike. {@link #display} shows a name's own bytes instead, read from {@link Path#toUri()}, which keeps
 * them. Thread-safe.
 */
public final class PathNames {
    private static final Charset NAMES = charsetOfNames();
    private static final HexFormat HEX = HexFormat.of();

    private PathNames() {
    }

    /**
     * {@code path} for people, in messages, a bundle's source, text and JSON alike: its bytes as UTF-8 where they
     * are, each other byte as {@code \xe9}. Control characters are kept: whoever prints the name escapes them.
     *
     * @param path a path, relative or absolute; not null
     * @return the path's text, the same as {@link Path#toString()} when the names are UTF-8 and nothing was replaced
     */
    public static String display(Path path) {
        if (spelledExactly(path)) {
            return path.toString();
        }
        List<String> elements = new ArrayList<>();
        for (Path element : path) {
            elements.add(text(bytes(element), b -> "\\x" + HEX.toHexDigits((byte) b)));
        }
        return (path.isAbsolute() ? "/" : "") + String.join("/", elements);
    }

    /**
     * {@code bytes} as text: UTF-8 where they are, each byte that is not (an unsigned value from 0x80 to 0xff) as
     * {@code otherByte} spells it.
     *
     * @param bytes the bytes to show; not null
     * @param otherByte spells a byte that is not part of valid UTF-8, given its unsigned value
     * @return the text, each valid UTF-8 sequence decoded and each other byte spelled by {@code otherByte}
     */
    public static String text(byte[] bytes, IntFunction<String> otherByte) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        StringBuilder text = new StringBuilder(bytes.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            out.clear();
            if (result.isUnderflow()) { // never an overflow: UTF-8 decodes to at most one char a byte
                return text.toString();
            }
            for (int i = 0; i < result.length(); i++) {
                text.append(otherByte.apply(in.get() & 0xff));
            }
        }
    }

    /**
     * The charset Java turns names and arguments into strings with: {@code sun.jnu.encoding}.
     *
     * @return the charset named by {@code sun.jnu.encoding} when this JVM supports it, else the default charset
     */
    public static Charset charsetOfNames() {
        String name = System.getProperty("sun.jnu.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }

    // Java's string of a path is its bytes exactly when names are UTF-8 and nothing had to be replaced.
    private static boolean spelledExactly(Path path) {
        return NAMES.equals(StandardCharsets.UTF_8) && path.toString().indexOf('\ufffd') < 0;
    }

    // The bytes of one name element: the last element of its absolute URI's path, percent-decoded.
    private static byte[] bytes(Path element) {
        if (spelledExactly(element)) {
            return element.toString().getBytes(StandardCharsets.UTF_8);
        }
        String uriPath = element.toAbsolutePath().toUri().getRawPath();
        if (uriPath.endsWith("/")) { // toUri ends the path of an existing folder so
            uriPath = uriPath.substring(0, uriPath.length() - 1);
        }
        String last = uriPath.substring(uriPath.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(last.length());
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '%') {
                bytes.write(HexFormat.fromHexDigits(last, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }
}
