package io.github.ucode4j.linux;

import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fixture's {@code lib/firmware}: the distribution's microcode files (Debian's, when the corpus is there, else
 * generated ones at the same names), and a fingerprint of the whole tree to prove it unchanged.
 */
final class FirmwareTree {
    /** Files a load on the fixture machines would concern, and neighbours it must not. */
    static final List<String> FILES = List.of("intel-ucode/06-55-04", "intel-ucode/06-55-07", "amd-ucode/microcode_amd.bin",
            "amd-ucode/microcode_amd_fam17h.bin", "amd-ucode/microcode_amd_fam19h.bin");

    private FirmwareTree() {
    }

    /** Fills {@code firmware} with {@link #FILES}; returns it. */
    static Path populate(Path firmware) throws IOException {
        Optional<Path> corpus = Corpus.find().map(root -> root.resolve("lib/firmware"));
        Random generated = new Random(11);
        for (String name : FILES) {
            Path file = firmware.resolve(name);
            Files.createDirectories(file.getParent());
            Optional<Path> real = corpus.map(c -> c.resolve(name)).filter(Files::isRegularFile);
            if (real.isPresent()) {
                Files.copy(real.get(), file);
            } else {
                byte[] bytes = new byte[2048];
                generated.nextBytes(bytes);
                Files.write(file, bytes);
            }
        }
        return firmware;
    }

    /**
     * Every entry under {@code directory}, by relative name: a file's SHA-256 and mode, a directory's mode, a link's
     * target. Equal fingerprints mean the same names holding the same bytes.
     */
    static SortedMap<String, String> fingerprint(Path directory) {
        SortedMap<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path entry : walk.toList()) {
                String name = directory.relativize(entry).toString();
                if (Files.isSymbolicLink(entry)) {
                    entries.put(name, "link to " + Files.readSymbolicLink(entry));
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(name, "directory " + Files.getPosixFilePermissions(entry));
                } else {
                    entries.put(name, sha256(Files.readAllBytes(entry)) + " " + Files.getPosixFilePermissions(entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
