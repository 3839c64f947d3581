package io.github.ucode4j.api.host;

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
 * An exclusive lock on a file that lets one holder at a time on the host do something, such as a microcode load: a
 * second taker, in this process or another, fails at once with the holder's process id rather than waiting. The
 * holder's pid is written into the file; the kernel drops the lock when its process ends, killed or not.
 *
 * <p>The lock is two locks. Within this JVM, a set of the lock files held here refuses a second taker before it
 * touches the file. Between processes, a record lock ({@link FileChannel#tryLock()}) on one channel. A record lock
 * belongs to the process, not to the channel: closing <em>any</em> descriptor of the file in this process drops it.
 * So this JVM never opens the file a second time while it holds the lock, and nothing else in the process may open
 * it either; another process may read it without harm.
 */
public final class HostLock implements AutoCloseable {
    // The lock files held in this JVM, by real path: a second taker here is refused before it opens the file.
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final String activity;
    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(Path file, String activity, FileChannel channel, FileLock lock) {
        this.file = file;
        this.activity = activity;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, creating it when absent; its directory must exist.
     *
     * @param file the lock file; never followed when it is a symbolic link
     * @param activity what the lock keeps to one at a time, for messages: "microcode load"
     * @return the held lock, to be closed when the activity is over
     * @throws ApplyException when another holder, in this process or another, has it, or the file cannot be locked
     */
    public static HostLock acquire(Path file, String activity) throws ApplyException {
        Path real = realPath(file, activity);
        if (!HELD_HERE.add(real)) {
            throw held(real, activity, ProcessHandle.current().pid() + ", this one");
        }
        try {
            return lockAcrossProcesses(real, activity);
        } catch (ApplyException | RuntimeException | Error e) {
            HELD_HERE.remove(real);
            throw e;
        }
    }

    // The same file named two ways is one lock: the guard within this JVM goes by the directory's real path.
    private static Path realPath(Path file, String activity) throws ApplyException {
        try {
            return file.toAbsolutePath().getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw cannotLock(file, activity, e);
        }
    }

    private static HostLock lockAcrossProcesses(Path file, String activity) throws ApplyException {
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
                throw held(file, activity, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new HostLock(file, activity, channel, lock);
        } catch (IOException e) {
            closeAfter(channel, e);
            throw cannotLock(file, activity, e);
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

    private static ApplyException held(Path file, String activity, String holder) {
        return new ApplyException("another " + activity + " is running on this host (" + file + " is locked"
                + (holder.isEmpty() ? "" : " by process " + holder) + ")", "wait for it to finish, then look at its report");
    }

    private static ApplyException cannotLock(Path file, String activity, IOException e) {
        return new ApplyException("cannot take the lock that keeps to one " + activity + " at a time, " + file + ": "
                + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "check the run directory and its permissions", e);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(32);
        channel.read(text, 0);
        return new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).strip();
    }

    private static void closeAfter(FileChannel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Releases the lock: first between processes, then within this JVM.
     *
     * @throws ApplyException when the file lock cannot be released (the kernel releases it when this process ends)
     */
    @Override
    public void close() throws ApplyException {
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw new ApplyException("releasing the lock " + file + " failed: " + e.getMessage(), OptionalInt.empty(),
                    OptionalInt.empty(), "the next " + activity + " may find it held until this process ends", e);
        } finally {
            HELD_HERE.remove(file);
        }
    }
}
