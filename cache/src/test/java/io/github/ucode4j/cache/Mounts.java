package io.github.ucode4j.cache;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Mounts small file systems for the writers' tests and unmounts them again. Mounting needs root, and vfat needs
 * {@code mkfs.vfat} (Debian's dosfstools) and a kernel with vfat: where one is missing the calling test is skipped,
 * saying which.
 */
final class Mounts implements AutoCloseable {
    private static final long COMMAND_DEADLINE_SECONDS = 60;

    private final Deque<Path> mounted = new ArrayDeque<>();

    /** A tmpfs of {@code size} (as mount(8) reads it: {@code 64k}) mounted on a new directory {@code at}. */
    Path tmpfs(Path at, String size) throws IOException, InterruptedException {
        requireRoot(at.getParent());
        Files.createDirectory(at);
        mount(at, "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
        return at;
    }

    /** A fresh vfat file system of {@code megabytes} in an image file, loop-mounted on a new directory {@code at}. */
    Path vfat(Path at, int megabytes) throws IOException, InterruptedException {
        requireRoot(at.getParent());
        assume(onPath("mkfs.vfat"), "mkfs.vfat is not installed (Debian: apt-get install dosfstools)");
        Path image = at.resolveSibling(at.getFileName() + ".img");
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(megabytes * 1024L * 1024L);
        }
        String made = run(List.of("mkfs.vfat", image.toString()));
        if (made != null) {
            throw new IOException("mkfs.vfat " + image + " failed: " + made);
        }
        Files.createDirectory(at);
        mount(at, "-o", "loop", "-t", "vfat", image.toString(), at.toString());
        return at;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        while (!mounted.isEmpty()) {
            Path at = mounted.pop();
            String failure = run(List.of("umount", at.toString()));
            if (failure != null) {
                throw new IOException("umount " + at + " failed: " + failure);
            }
        }
    }

    private void mount(Path at, String... arguments) throws IOException, InterruptedException {
        String failure = run(Stream.concat(Stream.of("mount"), Stream.of(arguments)).toList());
        assume(failure == null, "cannot mount here: " + failure);
        mounted.push(at);
    }

    private static void requireRoot(Path directory) throws IOException {
        Path probe = Files.createTempFile(directory, "owner", ".probe");
        try {
            assume(Files.getAttribute(probe, "unix:uid").equals(0), "mounting needs root");
        } finally {
            Files.delete(probe);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/sbin:/usr/sbin";
        return Stream.of(path.split(":")).filter(d -> !d.isEmpty()).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    private static void assume(boolean possible, String why) {
        if (!possible) {
            String message = "writers on a mounted file system: " + why;
            System.err.println("*** SKIPPED: " + message);
            assumeTrue(false, message);
        }
    }

    // Runs command; null when it succeeds, else what it printed, on one line.
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + COMMAND_DEADLINE_SECONDS + " s");
        }
        String output = String.join("; ", new String(process.getInputStream().readAllBytes()).strip().lines().map(String::strip).toList());
        return process.exitValue() == 0 ? null : output.isEmpty() ? "exit status " + process.exitValue() : output;
    }
}
