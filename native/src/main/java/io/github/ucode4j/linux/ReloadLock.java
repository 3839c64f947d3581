package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One load through the {@code kernel} backend at a time on a host: an exclusive lock on {@code kernel-reload.lock} in
 * the run directory, held from before an interrupted load is undone until the search path is back. The firmware
 * loader's search path is one setting for the whole kernel, so two loads must not interleave; and while the lock is
 * held, any journal found was left by a process that died (the kernel drops a process's locks when it ends, killed
 * or not). A second load fails at once, naming the holder's process id, rather than waiting.
 */
final class ReloadLock implements AutoCloseable {
    static final String FILE_NAME = "kernel-reload.lock";
    // One channel on the lock file per JVM: closing a second one on the same file would drop this process's lock.
    private static final AtomicBoolean HELD_IN_THIS_PROCESS = new AtomicBoolean();

    private final FileChannel channel;
    private final FileLock lock;

    private ReloadLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock in {@code runDirectory}, which must exist.
     *
     * @throws ApplyException when another load holds it, in this process or another, or the lock file cannot be used
     */
    static ReloadLock take(Path runDirectory) throws ApplyException {
        if (!HELD_IN_THIS_PROCESS.compareAndSet(false, true)) {
            throw new ApplyException("another load through the kernel backend is running in this process", "wait for it to finish");
        }
        Path file = runDirectory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new ApplyException("another load through the kernel backend is running on this host (" + file
                        + " is locked by process " + holder(channel) + ")", "wait for it to finish, then look at its report");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new ReloadLock(channel, lock);
        } catch (IOException e) {
            ApplyException failure = new ApplyException("cannot take the kernel backend's lock " + file + ": " + e.getMessage(),
                    OptionalInt.empty(), OptionalInt.empty(), "check the run directory", e);
            release(channel, failure);
            throw failure;
        } catch (ApplyException e) {
            release(channel, e);
            throw e;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(32);
        channel.read(text, 0);
        return new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).strip();
    }

    private static void release(FileChannel channel, Exception failure) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        } finally {
            HELD_IN_THIS_PROCESS.set(false);
        }
    }

    /**
     * Lets the next load run.
     *
     * @throws ApplyException when the lock cannot be released (the kernel releases it when this process ends)
     */
    @Override
    public void close() throws ApplyException {
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw new ApplyException("releasing the kernel backend's lock failed: " + e.getMessage(), OptionalInt.empty(),
                    OptionalInt.empty(), "the next load may find it held until this process ends", e);
        } finally {
            HELD_IN_THIS_PROCESS.set(false);
        }
    }
}
