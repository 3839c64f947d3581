package io.github.ucode4j.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of two files that the file system lists out of name order. Which order a file system lists names in
 * depends on it (creation order, its reverse, a hash of the name), so pairs of names are tried, each created in both
 * orders, until the folder's own order is not the sorted one.
 */
public final class UnsortedFolder {
    private static final String[][] NAME_PAIRS = {{"a", "b"}, {"06-9e-0a", "06-9e-0b"}, {"first", "second"}, {"x1", "y2"}, {"m", "n"}};

    private UnsortedFolder() {
    }

    /** A new folder under {@code parent} holding {@code one} and {@code other}, listed out of name order. */
    public static Path create(Path parent, byte[] one, byte[] other) throws IOException {
        int attempt = 0;
        for (String[] pair : NAME_PAIRS) {
            for (boolean reversed : new boolean[] {false, true}) {
                Path folder = Files.createDirectory(parent.resolve("unsorted" + attempt++));
                Files.write(folder.resolve(reversed ? pair[1] : pair[0]), one);
                Files.write(folder.resolve(reversed ? pair[0] : pair[1]), other);
                List<Path> listed = directoryOrder(folder);
                if (!listed.equals(listed.stream().sorted().toList())) {
                    return folder;
                }
            }
        }
        throw new AssertionError("this file system lists every folder tried in name order");
    }

    /** The entries of {@code folder} in the order the file system lists them. */
    public static List<Path> directoryOrder(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        }
        return entries;
    }
}
