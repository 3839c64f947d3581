package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Libc;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A device file opened through the C library: each access is one system call on a kept descriptor and allocates
 * nothing, as the stopped window of a rendezvous needs.
 */
final class LibcChannel implements DeviceChannel {
    private final Libc libc;
    private final int fd;

    private LibcChannel(Libc libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    /** Opens device files through {@code libc}. */
    static Opener opener(Libc libc) {
        return (path, flags) -> open(libc, path, flags);
    }

    static LibcChannel open(Libc libc, Path path, int flags) throws ApplyException {
        return new LibcChannel(libc, libc.open(path.toString(), flags | Libc.O_CLOEXEC));
    }

    @Override
    public long read(ByteBuffer buffer, int count, long offset) throws ApplyException {
        return libc.pread(fd, buffer, count, offset);
    }

    @Override
    public long write(ByteBuffer buffer, int count, long offset) throws ApplyException {
        return libc.pwrite(fd, buffer, count, offset);
    }

    @Override
    public void close() throws ApplyException {
        libc.close(fd);
    }
}
