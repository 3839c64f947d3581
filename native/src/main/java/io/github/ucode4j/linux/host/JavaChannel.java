package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import io.github.ucode4j.linux.libc.LibcLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A device file opened through Java's own file channels, which need no native code of ours: reading a machine then
 * costs no JNA start (tens of milliseconds, and a library unpacked into a temporary folder).
 *
 * <p>Java tells two errnos of {@code open} by the exception's type, {@code ENOENT} and {@code EACCES}, the usual ones
 * (no msr or cpuid module, no root); any other failure is retried once through the C library, which names its errno
 * and so its remedy. A file that opens only that way is then used through the C library.
 */
final class JavaChannel implements DeviceChannel {
    private final FileChannel channel;
    private final Path path;
    private final int flags;
    private final LibcLoader diagnosis;

    private JavaChannel(FileChannel channel, Path path, int flags, LibcLoader diagnosis) {
        this.channel = channel;
        this.path = path;
        this.flags = flags;
        this.diagnosis = diagnosis;
    }

    /** Opens device files through Java, asking {@code diagnosis} for the C library only to explain a failure. */
    static Opener opener(LibcLoader diagnosis) {
        return (path, flags) -> open(path, flags, diagnosis);
    }

    private static DeviceChannel open(Path path, int flags, LibcLoader diagnosis) throws ApplyException {
        Set<OpenOption> options = (flags & Libc.O_RDWR) != 0 ? Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE)
                : Set.of(StandardOpenOption.READ);
        try {
            return new JavaChannel(FileChannel.open(path, options), path, flags, diagnosis);
        } catch (NoSuchFileException e) {
            throw ErrnoException.of("open " + path, Errno.ENOENT);
        } catch (AccessDeniedException e) {
            throw ErrnoException.of("open " + path, Errno.EACCES);
        } catch (IOException e) {
            return LibcChannel.open(libc(diagnosis, e, "opening " + path), path, flags);
        }
    }

    @Override
    public long read(ByteBuffer buffer, int count, long offset) throws ApplyException {
        return access(buffer, count, offset, "reading", view -> Math.max(0, channel.read(view, offset)),
                again -> again.read(buffer, count, offset));
    }

    @Override
    public long write(ByteBuffer buffer, int count, long offset) throws ApplyException {
        return access(buffer, count, offset, "writing", view -> channel.write(view, offset),
                again -> again.write(buffer, count, offset));
    }

    // The first count bytes of buffer through the channel; on a failure, through the C library once, on a new descriptor.
    private long access(ByteBuffer buffer, int count, long offset, String verb, ChannelAccess throughJava,
                        LibcAccess throughLibc) throws ApplyException {
        if (offset < 0) {
            // Past what a FileChannel can address (a CPUID subleaf of 2^31 or more): the kernel takes it unsigned.
            try (LibcChannel direct = LibcChannel.open(diagnosis.load(), path, flags)) {
                return throughLibc.run(direct);
            }
        }
        try {
            buffer.clear().limit(count);
            return throughJava.run(buffer);
        } catch (IOException e) {
            try (LibcChannel again = LibcChannel.open(libc(diagnosis, e, verb + " " + path), path, flags)) {
                buffer.clear();
                return throughLibc.run(again);
            }
        } finally {
            buffer.clear();
        }
    }

    @FunctionalInterface
    private interface ChannelAccess {
        long run(ByteBuffer view) throws IOException;
    }

    @FunctionalInterface
    private interface LibcAccess {
        long run(LibcChannel channel) throws ApplyException;
    }

    @Override
    public void close() throws ApplyException {
        try {
            channel.close();
        } catch (IOException e) {
            throw new ApplyException("closing " + path + " failed: " + e.getMessage(), "");
        }
    }

    // The C library that explains the failure; when it cannot be had, Java's words are all there is.
    private static Libc libc(LibcLoader diagnosis, IOException failure, String access) throws ApplyException {
        try {
            return diagnosis.load();
        } catch (ApplyException unavailable) {
            ApplyException unexplained = new ApplyException(access + " failed: " + failure.getMessage()
                    + " (the C library, which would name the errno, cannot be loaded: " + unavailable.getMessage() + ")",
                    OptionalInt.empty(), OptionalInt.empty(), unavailable.remedy(), failure);
            unexplained.addSuppressed(unavailable);
            throw unexplained;
        }
    }
}
