package io.github.ucode4j.linux.libc;

import java.util.Map;

/**
 * The error numbers of x86-64 Linux that ucode4j's native code meets, with their symbols and a short description
 * of each, as {@code strerror} would give it. Numbers not listed print as {@code errno N}.
 */
public final class Errno {
    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** Input/output error; on an MSR access, the CPU raised #GP. */
    public static final int EIO = 5;
    /** No such device or address; on {@code /dev/cpu/N/*}, the CPU is offline or absent. */
    public static final int ENXIO = 6;
    /** Bad file descriptor. */
    public static final int EBADF = 9;
    /** Resource temporarily unavailable. */
    public static final int EAGAIN = 11;
    /** Cannot allocate memory; from {@code mlock}, the locked-memory limit was reached. */
    public static final int ENOMEM = 12;
    /** Permission denied. */
    public static final int EACCES = 13;
    /** Bad address. */
    public static final int EFAULT = 14;
    /** Device or resource busy. */
    public static final int EBUSY = 16;
    /** File exists. */
    public static final int EEXIST = 17;
    /** No such device. */
    public static final int ENODEV = 19;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** Function not implemented. */
    public static final int ENOSYS = 38;
    /** Too many levels of symbolic links; from {@code open} with {@code O_NOFOLLOW}, the path is a link. */
    public static final int ELOOP = 40;
    /** File descriptor in bad state; from the kernel's microcode reload, the firmware file is bad. */
    public static final int EBADFD = 77;

    private record Known(String symbol, String description) {
    }

    private static final Map<Integer, Known> KNOWN = Map.ofEntries(
            Map.entry(EPERM, new Known("EPERM", "Operation not permitted")),
            Map.entry(ENOENT, new Known("ENOENT", "No such file or directory")),
            Map.entry(EIO, new Known("EIO", "Input/output error")),
            Map.entry(ENXIO, new Known("ENXIO", "No such device or address")),
            Map.entry(EBADF, new Known("EBADF", "Bad file descriptor")),
            Map.entry(EAGAIN, new Known("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(ENOMEM, new Known("ENOMEM", "Cannot allocate memory")),
            Map.entry(EACCES, new Known("EACCES", "Permission denied")),
            Map.entry(EFAULT, new Known("EFAULT", "Bad address")),
            Map.entry(EBUSY, new Known("EBUSY", "Device or resource busy")),
            Map.entry(EEXIST, new Known("EEXIST", "File exists")),
            Map.entry(ENODEV, new Known("ENODEV", "No such device")),
            Map.entry(EINVAL, new Known("EINVAL", "Invalid argument")),
            Map.entry(ENOSYS, new Known("ENOSYS", "Function not implemented")),
            Map.entry(ELOOP, new Known("ELOOP", "Too many levels of symbolic links")),
            Map.entry(EBADFD, new Known("EBADFD", "File descriptor in bad state")));

    private Errno() {
    }

    /**
     * The symbol of an error number.
     *
     * @param errno the error number, as the kernel returned it (positive)
     * @return the symbol, such as {@code EIO}, or {@code errno N} for a number not listed here
     */
    public static String symbol(int errno) {
        Known known = KNOWN.get(errno);
        return known == null ? "errno " + errno : known.symbol();
    }

    /**
     * The description of an error number followed by its symbol, for messages.
     *
     * @param errno the error number, as the kernel returned it (positive)
     * @return such as {@code Input/output error (EIO)}, or {@code errno N} for a number not listed here
     */
    public static String describe(int errno) {
        Known known = KNOWN.get(errno);
        return known == null ? "errno " + errno : known.description() + " (" + known.symbol() + ")";
    }
}
