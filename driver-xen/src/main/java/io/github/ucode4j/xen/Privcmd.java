package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The privcmd device, through which dom0 makes hypercalls: one {@code ioctl(IOCTL_PRIVCMD_HYPERCALL)} per call.
 * The 48-byte argument is ordinary memory (the kernel copies it); what it points to must be hypercall-safe
 * ({@link HypercallBuffer}). Not thread-safe.
 */
final class Privcmd implements AutoCloseable {
    private final Libc libc;
    private final int fd;

    private Privcmd(Libc libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    /**
     * Opens {@code /dev/xen/privcmd}, or {@code /proc/xen/privcmd} where the former is missing.
     *
     * @throws ApplyException when neither can be opened, saying what to do
     */
    static Privcmd open(Libc libc, XenRoots roots) throws ApplyException {
        try {
            return open(libc, roots.privcmd());
        } catch (ErrnoException e) {
            if (e.errnoValue() != Errno.ENOENT) {
                throw e.in("opening " + roots.privcmd(), OptionalInt.empty(), "run as root in dom0");
            }
        }
        try {
            return open(libc, roots.xenfsPrivcmd());
        } catch (ErrnoException e) {
            throw e.in("opening " + roots.privcmd() + " and " + roots.xenfsPrivcmd(), OptionalInt.empty(),
                    e.errnoValue() == Errno.ENOENT ? "load the privcmd driver (modprobe xen-privcmd) or mount xenfs on /proc/xen"
                            : "run as root in dom0");
        }
    }

    private static Privcmd open(Libc libc, Path path) throws ErrnoException {
        return new Privcmd(libc, libc.open(path.toString(), Libc.O_RDWR | Libc.O_CLOEXEC));
    }

    /**
     * Makes {@code call}.
     *
     * @return the hypercall's non-negative result
     * @throws ErrnoException with the errno Xen (or the driver) answered
     */
    long call(Hypercall call) throws ErrnoException {
        return libc.ioctl(fd, Hypercall.IOCTL_PRIVCMD_HYPERCALL, call.encode());
    }

    /**
     * Closes the device.
     *
     * @throws ErrnoException when the kernel refuses
     */
    @Override
    public void close() throws ErrnoException {
        libc.close(fd);
    }
}
