package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.ApplyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;

/**
 * The host-wide lock that lets one microcode load run at a time: an exclusive lock on {@code ucode4j.lock} in the
 * run directory, held for the whole load. A second loader, in this process or another, fails at once with the
 * holder's process id rather than waiting.
 */
final class HostLock implements AutoCloseable {
    static final String FILE_NAME = "ucode4j.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, creating the run directory when absent.
     *
     * @throws ApplyException when another load holds it, or the lock file cannot be opened
     */
    static HostLock acquire(Path runDirectory) throws ApplyException {
        Path file = runDirectory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(runDirectory);
            if (Files.isSymbolicLink(file)) {
                throw new ApplyException("the lock file " + file + " is a symbolic link", "remove it; ucode4j never follows one");
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new ApplyException("another microcode load is running on this host (" + file + " is locked"
                        + (holder.isEmpty() ? "" : " by process " + holder) + ")", "wait for it to finish, then look at its report");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new HostLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new ApplyException("cannot take the host-wide load lock " + file + ": " + e.getMessage(),
                    OptionalInt.empty(), OptionalInt.empty(), "check the run directory and its permissions", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another loader in this same process
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(32);
        channel.read(text, 0);
        return new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).strip();
    }

    private static void closeQuietly(FileChannel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
