package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * One open {@code /dev/cpu/N} device file, as {@link CpuDevices} accesses it: positional reads and writes of a few
 * bytes at the start of a native buffer. Failures are {@link io.github.ucode4j.linux.libc.ErrnoException}s where the
 * errno is known, so that {@link CpuDevices} can name the remedy.
 */
interface DeviceChannel extends AutoCloseable {
    /**
     * Reads at most {@code count} bytes at file offset {@code offset} into {@code buffer}, from its start.
     *
     * @return the number of bytes read
     */
    long read(ByteBuffer buffer, int count, long offset) throws ApplyException;

    /**
     * Writes {@code count} bytes from the start of {@code buffer} at file offset {@code offset}.
     *
     * @return the number of bytes written
     */
    long write(ByteBuffer buffer, int count, long offset) throws ApplyException;

    /** Closes the file; it is closed even when this throws. */
    @Override
    void close() throws ApplyException;

    /** Opens device files. */
    @FunctionalInterface
    interface Opener {
        /**
         * Opens {@code path} as {@code flags} say ({@link io.github.ucode4j.linux.libc.Libc#O_RDONLY} or
         * {@link io.github.ucode4j.linux.libc.Libc#O_RDWR}), closed on exec.
         */
        DeviceChannel open(Path path, int flags) throws ApplyException;
    }
}
