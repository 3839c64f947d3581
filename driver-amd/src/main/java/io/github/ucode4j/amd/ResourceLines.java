package io.github.ucode4j.amd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the data lines of a resource in this package: blank lines and {@code #} comments are dropped. */
final class ResourceLines {
    private ResourceLines() {
    }

    static List<String> read(String name) {
        try (InputStream in = ResourceLines.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the driver's jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** The value of {@code text} as an unsigned 32-bit hex number, with or without {@code 0x}. */
    static int hex32(String text) {
        return Integer.parseUnsignedInt(text.startsWith("0x") ? text.substring(2) : text, 16);
    }
}
