package io.github.ucode4j.linux;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * ucode4j's run directory ({@code /run/ucode4j} by default) as the {@code kernel} backend uses it: its lock, its
 * journal and the private folder the kernel reads firmware from live there. The kernel loads microcode from below
 * it, so it is trusted only when it is a real directory (never a symbolic link), owned by root and writable by no
 * one else.
 */
final class RunDirectory {
    /** The owner a run directory must have: root. */
    static final int ROOT = 0;
    private static final String MODE = "rwxr-xr-x";

    private final Path path;
    private final int owner;

    /**
     * @param path the directory
     * @param owner the user id it must belong to: {@link #ROOT}, except in tests that run as another user
     */
    RunDirectory(Path path, int owner) {
        this.path = path;
        this.owner = owner;
    }

    /** The directory. */
    Path path() {
        return path;
    }

    /**
     * Why the directory cannot be trusted, or empty when it can or does not exist yet ({@link #prepare()} creates it).
     *
     * @throws IOException when its owner or mode cannot be read
     */
    Optional<String> problem() throws IOException {
        if (Files.isSymbolicLink(path)) {
            return Optional.of("the run directory " + path + " is a symbolic link: ucode4j never follows one there; remove the "
                    + "link (the directory is created again)");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("the run directory " + path + " is not a directory; remove it (the directory is created again)");
        }
        int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (uid != owner) {
            return Optional.of("the run directory " + path + " belongs to user id " + uid + ", not " + ownerName()
                    + ": the kernel would load microcode from below it; remove it (the directory is created again)");
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of("the run directory " + path + " can be written by other users (" + PosixFilePermissions.toString(mode)
                    + "): the kernel would load microcode from below it; chmod go-w " + path);
        }
        return Optional.empty();
    }

    /**
     * The directory, created (mode {@code rwxr-xr-x}) when absent.
     *
     * @throws IOException when it cannot be created, or {@link #problem()} finds it cannot be trusted
     */
    Path prepare() throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(path.getParent());
            try {
                Files.createDirectory(path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(MODE));
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by another loader: checked below like any other
            }
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
        return path;
    }

    private String ownerName() {
        return owner == ROOT ? "root" : "user id " + owner;
    }
}
