package io.github.ucode4j.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes and removals that a reader, or a crash, sees whole or not at all: new bytes go to a temporary file in the
 * same directory, are synced and renamed over the target, and the directory is synced so the rename survives a
 * crash. Nothing here follows a symbolic link.
 */
final class DurableFiles {
    private DurableFiles() {
    }

    /**
     * Puts {@code bytes} at {@code target}, replacing whatever file was there, with permissions {@code mode}
     * ({@code "rw-r--r--"}).
     *
     * @throws IOException when a step fails; the temporary file is removed then, and the target left as it was
     */
    static void replace(Path target, ByteBuffer bytes, String mode) throws IOException {
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".new");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer data = bytes.duplicate();
                while (data.hasRemaining()) {
                    out.write(data);
                }
                out.force(true);
            }
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(mode));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Removes {@code file} (a symbolic link itself, never what it points at), if present, durably.
     *
     * @throws IOException when it cannot be removed
     */
    static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            syncDirectory(file.getParent());
        }
    }

    /** Makes a rename or removal in {@code directory} durable: Linux lets a directory be opened read-only and synced. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
