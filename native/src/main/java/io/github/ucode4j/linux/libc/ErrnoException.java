package io.github.ucode4j.linux.libc;

import io.github.ucode4j.api.ApplyException;
import java.util.OptionalInt;

/**
 * A system call that failed with an errno. Thrown bare by {@link Libc} (naming only the call); the layers above
 * rethrow it with {@link #in} to say which device, which CPU, and what a person can do about it.
 */
public final class ErrnoException extends ApplyException {
    private static final long serialVersionUID = 1L;

    /** The error number the system call set; kept apart from the message so that callers can test it. */
    private final int errnoValue;

    private ErrnoException(String message, OptionalInt cpu, int errno, String remedy, Throwable cause) {
        super(message, cpu, OptionalInt.of(errno), remedy, cause);
        this.errnoValue = errno;
    }

    /**
     * {@code call} failed with {@code errno}: {@code "pread failed: Input/output error (EIO)"}.
     *
     * @param call the system call's name, and for {@code open} the path it was given
     * @param errno the error number the call set
     * @return the exception, with no CPU, no remedy and no cause
     */
    public static ErrnoException of(String call, int errno) {
        return new ErrnoException(call + " failed: " + Errno.describe(errno), OptionalInt.empty(), errno, "", null);
    }

    /**
     * This failure told in its context: {@code what} names the access ({@code "writing MSR 0x79 on CPU 3"}), the
     * errno's description is appended, and {@code remedy} says what to do. Keeps this exception as the cause.
     *
     * @param what the access that failed, told as a person would; {@code " failed: "} and the errno follow it
     * @param cpu the CPU the access was for, or empty when it concerns no single CPU
     * @param remedy what a person can do about it, or {@code ""} when there is nothing to suggest
     * @return a new exception with the same error number; this one is left unchanged
     */
    public ErrnoException in(String what, OptionalInt cpu, String remedy) {
        return new ErrnoException(what + " failed: " + Errno.describe(errnoValue), cpu, errnoValue, remedy, this);
    }

    /**
     * The error number.
     *
     * @return the error number the system call set, such as {@link Errno#EIO}
     */
    public int errnoValue() {
        return errnoValue;
    }
}
