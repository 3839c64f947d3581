package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Asks the kernel to late-load: writes {@code 1} to {@code /sys/devices/system/cpu/microcode/reload}. The kernel
 * answers through the write's errno, which Java's own file API would hide, hence the C library.
 */
@FunctionalInterface
interface ReloadTrigger {

    /**
     * Writes {@code 1} to {@code reload}; returns when the kernel has finished.
     *
     * @return the kernel's answer: empty when it loaded, else the write's errno
     * @throws ApplyException when the request cannot be made at all ({@code reload} cannot be opened or closed)
     */
    OptionalInt reload(Path reload) throws ApplyException;

    /** The trigger through {@code libc}: open write-only (never through a link), write, close. */
    static ReloadTrigger through(Libc libc) {
        return reload -> {
            int fd;
            try {
                fd = libc.open(reload.toString(), Libc.O_WRONLY | Libc.O_CLOEXEC | Libc.O_NOFOLLOW);
            } catch (ErrnoException e) {
                throw e.in("opening " + reload, OptionalInt.empty(), "run as root");
            }
            OptionalInt answer = OptionalInt.empty();
            try {
                libc.pwrite(fd, ByteBuffer.wrap(new byte[] {'1'}), 1, 0);
            } catch (ErrnoException e) {
                answer = OptionalInt.of(e.errnoValue());
            } finally {
                libc.close(fd);
            }
            return answer;
        };
    }
}
