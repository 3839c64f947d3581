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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host-wide lock that lets one microcode load run at a time: an exclusive lock on {@code ucode4j.lock} in the
 * run directory, held for the whole load. A second loader, in this process or another, fails at once with the
 * holder's process id rather than waiting.
 *
 * <p>The lock is two locks. Within this JVM, a set of the lock files held here refuses a second loader before it
 * touches the file. Between processes, a record lock ({@link FileChannel#tryLock()}) on one channel. A record lock
 * belongs to the process, not to the channel: closing <em>any</em> descriptor of the file in this process drops it.
 * So this JVM never opens the file a second time while it holds the lock, and nothing else in the process may open
 * it either; another process may read it (it holds the holder's pid) without harm.
 */
final class HostLock implements AutoCloseable {
    static final String FILE_NAME = "ucode4j.lock";

    // The lock files held in this JVM, by real path: a second loader here is refused before it opens the file.
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, creating the run directory when absent.
     *
     * @throws ApplyException when another load holds it, in this process or another, or the lock file cannot be
     *     opened
     */
    static HostLock acquire(Path runDirectory) throws ApplyException {
        Path file = lockFile(runDirectory);
        if (!HELD_HERE.add(file)) {
            throw held(file, ProcessHandle.current().pid() + ", this one");
        }
        try {
            return lockAcrossProcesses(file);
        } catch (ApplyException | RuntimeException | Error e) {
            HELD_HERE.remove(file);
            throw e;
        }
    }

    private static Path lockFile(Path runDirectory) throws ApplyException {
        Path file = runDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(runDirectory);
            return runDirectory.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            throw cannotLock(file, e);
        }
    }

    private static HostLock lockAcrossProcesses(Path file) throws ApplyException {
        FileChannel channel = null;
        try {
            if (Files.isSymbolicLink(file)) {
                throw new ApplyException("the lock file " + file + " is a symbolic link", "remove it; ucode4j never follows one");
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw held(file, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new HostLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw cannotLock(file, e);
        }
    }

    // Our own holder is refused before it opens the file; an overlap here means other code of this process locked
    // the file, breaking the rule above: the lock is held all the same.
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static ApplyException held(Path file, String holder) {
        return new ApplyException("another microcode load is running on this host (" + file + " is locked"
                + (holder.isEmpty() ? "" : " by process " + holder) + ")", "wait for it to finish, then look at its report");
    }

    private static ApplyException cannotLock(Path file, IOException e) {
        return new ApplyException("cannot take the host-wide load lock " + file + ": " + e.getMessage(),
                OptionalInt.empty(), OptionalInt.empty(), "check the run directory and its permissions", e);
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

    /** Releases the lock: first between processes, then within this JVM. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD_HERE.remove(file);
            }
        }
    }
}
