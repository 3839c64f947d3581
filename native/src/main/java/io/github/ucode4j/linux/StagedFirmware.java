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
import java.util.Optional;

/**
 * A firmware file put in place for the kernel to read, with the previous file kept aside until the load is
 * known to have worked: {@link #keep()} then drops the copy, {@link #restore()} puts it back (or removes the new
 * file when there was none).
 *
 * <p>Every step is atomic for a reader: the new bytes go to a temporary file in the same directory, are synced,
 * and renamed over the target. Symbolic links below the firmware directory are refused, never followed: the files
 * there belong to root and a link could point anywhere.
 */
final class StagedFirmware {
    private static final String FIRMWARE_MODE = "rw-r--r--";

    private final Path target;
    private final Optional<Path> previous;
    private final boolean createdDirectory;

    private StagedFirmware(Path target, Optional<Path> previous, boolean createdDirectory) {
        this.target = target;
        this.previous = previous;
        this.createdDirectory = createdDirectory;
    }

    /**
     * Writes {@code bytes} to {@code firmwareDirectory/name}, keeping the file it replaces.
     *
     * @throws IOException when a path below the firmware directory is a symbolic link or not what it should be,
     *     or a write fails (nothing is changed then)
     */
    static StagedFirmware stage(Path firmwareDirectory, String name, ByteBuffer bytes) throws IOException {
        if (!Files.isDirectory(firmwareDirectory)) {
            throw new IOException("the firmware directory " + firmwareDirectory + " does not exist");
        }
        Path target = firmwareDirectory.resolve(name).normalize();
        if (!target.startsWith(firmwareDirectory.normalize()) || target.equals(firmwareDirectory.normalize())) {
            throw new IOException("firmware name '" + name + "' leaves the firmware directory");
        }
        Path directory = target.getParent();
        refuseLinks(firmwareDirectory.normalize(), target);
        boolean createdDirectory = !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS);
        Files.createDirectories(directory);
        Optional<Path> previous = Optional.empty();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target + " is not a regular file: refusing to replace it");
            }
            Path copy = Files.createTempFile(directory, "." + target.getFileName() + ".", ".ucode4j-previous");
            Files.copy(target, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            sync(copy);
            previous = Optional.of(copy);
        }
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".ucode4j-new");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer data = bytes.duplicate();
                while (data.hasRemaining()) {
                    out.write(data);
                }
                out.force(true);
            }
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString(FIRMWARE_MODE));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
        } catch (IOException e) {
            deleteAfter(temporary, e);
            previous.ifPresent(p -> deleteAfter(p, e));
            throw e;
        }
        return new StagedFirmware(target, previous, createdDirectory);
    }

    /** Every component from below {@code root} down to {@code target} must be a real directory or file. */
    private static void refuseLinks(Path root, Path target) throws IOException {
        Path current = root;
        for (Path component : root.relativize(target)) {
            current = current.resolve(component);
            if (Files.isSymbolicLink(current)) {
                throw new IOException(current + " is a symbolic link: refusing to write through it");
            }
        }
    }

    /** The file the kernel reads. */
    Path path() {
        return target;
    }

    /** Whether a previous file was kept aside. */
    boolean replacedAFile() {
        return previous.isPresent();
    }

    /** The load worked: the new file stays, the kept copy goes. */
    void keep() throws IOException {
        if (previous.isPresent()) {
            Files.delete(previous.get());
        }
    }

    /**
     * The load did not work: the previous file is back as it was, or the new one is gone when there was none (with
     * the vendor directory, when staging created it).
     */
    void restore() throws IOException {
        Path directory = target.getParent();
        if (previous.isPresent()) {
            Files.move(previous.get(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(target);
        }
        syncDirectory(directory);
        if (createdDirectory) {
            Files.delete(directory);
            syncDirectory(directory.getParent());
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            channel.force(true);
        }
    }

    /** Makes a rename durable: Linux lets a directory be opened read-only and synced. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteAfter(Path file, IOException failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
