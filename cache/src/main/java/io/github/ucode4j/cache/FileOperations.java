package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * The file system calls whose failures the output writers must survive without changing anything: the tests
 * inject a failing rename, a full disk or a file system without hard links through it.
 */
interface FileOperations {
    /** The calls as the operating system makes them. */
    FileOperations SYSTEM = new FileOperations() {
    };

    /** File systems whose modes and owners come from mount options: chmod and chown fail there (EPERM). */
    Set<String> FAT_TYPES = Set.of("vfat", "msdos", "exfat");

    /** link(2): a new name {@code link} for {@code existing}; fails when {@code link} exists. */
    default void link(Path link, Path existing) throws IOException {
        Files.createLink(link, existing);
    }

    /** rename(2): {@code source} takes the place of {@code target}, replacing it at once if it exists. */
    default void rename(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** write(2): writes some of {@code bytes} at the channel's position and returns how many. */
    default int write(FileChannel channel, ByteBuffer bytes) throws IOException {
        return channel.write(bytes);
    }

    /** Whether files in {@code directory} keep the mode and owner they are given. */
    default boolean keepsModes(Path directory) throws IOException {
        return !FAT_TYPES.contains(Files.getFileStore(directory).type());
    }
}
