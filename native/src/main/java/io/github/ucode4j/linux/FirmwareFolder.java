package io.github.ucode4j.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The private folder the {@code kernel} backend has the firmware loader read from: {@code firmware-<pid>} in the run
 * directory, holding each planned file under the name the kernel asks for ({@code intel-ucode/06-55-04}). It is made
 * fresh for each load and never reused (anything already at its name, a symbolic link above all, is refused), and
 * removed afterwards without following a link.
 *
 * <p>Each file is written through {@link DurableFiles}, so the kernel reads all of it or nothing.
 */
final class FirmwareFolder {
    private static final String PREFIX = "firmware-";
    private static final String FOLDER_MODE = "rwxr-xr-x";
    private static final String FILE_MODE = "rw-r--r--";

    private final Path path;

    private FirmwareFolder(Path path) {
        this.path = path;
    }

    /** The folder of the load made by process {@code pid} in {@code runDirectory}. */
    static Path of(Path runDirectory, long pid) {
        return runDirectory.resolve(PREFIX + pid);
    }

    /** Whether {@code folder} is one {@link #of} names in {@code runDirectory}: a journal naming anything else is not trusted. */
    static boolean isOne(Path runDirectory, Path folder) {
        return runDirectory.equals(folder.getParent()) && folder.getFileName().toString().matches(PREFIX + "[0-9]+");
    }

    /**
     * Makes the folder.
     *
     * @throws IOException when something is already at its name (a symbolic link, a folder left by someone else), or it
     *     cannot be made
     */
    static FirmwareFolder create(Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            throw new IOException(folder + " is a symbolic link: refusing to write through it");
        }
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(folder + " already exists: refusing to reuse it; remove it once no load is running", e);
        }
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(FOLDER_MODE));
        } catch (IOException e) {
            try {
                Files.delete(folder);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new FirmwareFolder(folder);
    }

    /** The folder. */
    Path path() {
        return path;
    }

    /**
     * Writes {@code bytes} as {@code name} in the folder.
     *
     * @throws IOException when the name leaves the folder, a path below the folder is a symbolic link, or the write
     *     fails
     */
    void write(String name, ByteBuffer bytes) throws IOException {
        Path target = path.resolve(name).normalize();
        if (!target.startsWith(path) || target.equals(path)) {
            throw new IOException("firmware name '" + name + "' leaves the folder " + path);
        }
        refuseLinks(target);
        Files.createDirectories(target.getParent());
        DurableFiles.replace(target, bytes, FILE_MODE);
    }

    /** Every component from below the folder down to {@code target} must be a real directory or file. */
    private void refuseLinks(Path target) throws IOException {
        Path current = path;
        for (Path component : path.relativize(target)) {
            current = current.resolve(component);
            if (Files.isSymbolicLink(current)) {
                throw new IOException(current + " is a symbolic link: refusing to write through it");
            }
        }
    }

    /**
     * Removes {@code folder} and everything in it, never following a symbolic link (a link is removed, not what it
     * points at); an absent folder is fine.
     *
     * @throws IOException when something in it cannot be removed
     */
    static void remove(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
        DurableFiles.syncDirectory(folder.getParent());
    }
}
