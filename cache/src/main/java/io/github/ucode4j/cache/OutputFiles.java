package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes output files so that a reader never sees half a file and nothing is written through a symbolic link: the
 * bytes go to a temporary file in the same directory, are forced to disk, and are renamed into place.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Writes {@code content} (from its position to its limit; the buffer is not changed) to {@code target}.
     *
     * @param overwrite whether an existing regular file may be replaced
     * @throws FileAlreadyExistsException when {@code target} exists and {@code overwrite} is false
     * @throws FileSystemException when {@code target} or its directory is a symbolic link, or {@code target} is
     *     not a regular file
     * @throws IOException when writing fails; {@code target} is then unchanged
     */
    public static void write(Path target, ByteBuffer content, boolean overwrite) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        refuseLink(directory);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(directory.toString(), null, "not a directory");
        }
        refuseLink(target);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!overwrite) {
                throw new FileAlreadyExistsException(target.toString(), null, "exists; pass overwrite to replace it");
            }
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(target.toString(), null, "not a regular file; refusing to replace it");
            }
        }
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer remaining = content.duplicate();
                while (remaining.hasRemaining()) {
                    channel.write(remaining);
                }
                channel.force(true);
            }
            if (overwrite) {
                // rename(2) replaces a link or file at the target itself; it never writes through one.
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // link(2) fails when the target appeared meanwhile, where a rename would silently replace it.
                Files.createLink(target, temporary);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates {@code directory} (and its parents) when absent.
     *
     * @throws FileSystemException when it, or what is there, is a symbolic link or not a directory
     */
    public static void createDirectory(Path directory) throws IOException {
        refuseLink(directory);
        Files.createDirectories(directory);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(directory.toString(), null, "not a directory");
        }
    }

    private static void refuseLink(Path path) throws FileSystemException {
        if (Files.isSymbolicLink(path)) {
            throw new FileSystemException(path.toString(), null, "is a symbolic link; refusing to write through it");
        }
    }
}
