package io.github.ucode4j.linux;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a load through the {@code kernel} backend must undo, written to {@code kernel-reload.journal} in the run
 * directory before the firmware loader's search path is changed, and removed once everything is back: so a load
 * that dies half-way (killed, a power cut) can be undone by the next one.
 *
 * <p>The file is Java properties ({@code pid}, {@code folder}, {@code searchPath}), written durably through
 * {@link DurableFiles}, so it is complete or absent. The previous search path is kept byte for byte (its bytes as
 * ISO-8859-1 characters, escaped where not printable).
 *
 * @param pid the process that made the load
 * @param folder its private folder, one {@link FirmwareFolder#of} names
 * @param previousSearchPath the search path's value before the load
 */
record ReloadJournal(long pid, Path folder, String previousSearchPath) {
    static final String FILE_NAME = "kernel-reload.journal";
    private static final String MODE = "rw-r--r--";

    /**
     * The journal in {@code runDirectory}, if one is there.
     *
     * @throws IOException when it cannot be read, or does not say what a journal says (then it is not acted on)
     */
    static Optional<ReloadJournal> read(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the journal " + file + " is not a regular file");
        }
        Properties entries = new Properties();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            entries.load(in);
        }
        String pid = entries.getProperty("pid", "");
        String folder = entries.getProperty("folder", "");
        String searchPath = entries.getProperty("searchPath");
        if (!pid.matches("[0-9]{1,18}") || searchPath == null || !namesAFolder(runDirectory, folder)) {
            throw new IOException("the journal " + file + " is not one the kernel backend writes (pid '" + pid + "', folder '"
                    + folder + "', searchPath " + (searchPath == null ? "missing" : "'" + searchPath + "'") + ")");
        }
        return Optional.of(new ReloadJournal(Long.parseLong(pid), Path.of(folder), searchPath));
    }

    private static boolean namesAFolder(Path runDirectory, String folder) {
        try {
            return !folder.isEmpty() && FirmwareFolder.isOne(runDirectory, Path.of(folder));
        } catch (InvalidPathException e) {
            return false; // not a path at all: the journal is refused as a whole
        }
    }

    /**
     * Writes this journal to {@code runDirectory}, durably.
     *
     * @throws IOException when it cannot be written (no journal is left then)
     */
    void write(Path runDirectory) throws IOException {
        Properties entries = new Properties();
        entries.setProperty("pid", Long.toString(pid));
        entries.setProperty("folder", folder.toString());
        entries.setProperty("searchPath", previousSearchPath);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        entries.store(text, "ucode4j kernel backend: a load under way; the next load undoes it if this process died");
        DurableFiles.replace(runDirectory.resolve(FILE_NAME), ByteBuffer.wrap(text.toByteArray()), MODE);
    }

    /**
     * Removes the journal from {@code runDirectory}, durably.
     *
     * @throws IOException when it cannot be removed
     */
    static void delete(Path runDirectory) throws IOException {
        DurableFiles.delete(runDirectory.resolve(FILE_NAME));
    }
}
