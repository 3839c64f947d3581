package io.github.ucode4j.api;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A failure to read or change the machine's microcode: an MSR access, a hypercall, a kernel interface. Says which
 * CPU, which errno, and what a person can do about it.
 */
public class ApplyException extends MicrocodeException {
    private static final long serialVersionUID = 1L;

    /** The logical CPU concerned, if one. */
    private final OptionalInt cpu;
    /** The operating system's error number, if one. */
    private final OptionalInt errno;
    /** What to do next, or empty. */
    private final String remedy;

    /**
     * @param message what failed ({@code "writing MSR 0x79 on CPU 3 failed: Operation not permitted"})
     * @param cpu the logical CPU concerned, if one
     * @param errno the operating system's error number, if one
     * @param remedy what to do next ({@code "run as root, and check msr.allow_writes and kernel lockdown"}), or
     *     empty
     * @param cause the underlying exception, or null
     */
    public ApplyException(String message, OptionalInt cpu, OptionalInt errno, String remedy, Throwable cause) {
        super(remedy.isEmpty() ? message : message + "; " + remedy, cause);
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.errno = Objects.requireNonNull(errno, "errno");
        this.remedy = remedy;
    }

    /**
     * A failure concerning no single CPU and no errno.
     *
     * @param message what failed, for a person
     * @param remedy what to do next, or empty when there is nothing to suggest; appended to the message when present
     */
    public ApplyException(String message, String remedy) {
        this(message, OptionalInt.empty(), OptionalInt.empty(), remedy, null);
    }

    /**
     * The logical CPU concerned, if one.
     *
     * @return the logical CPU concerned, or empty when the failure is not about one CPU
     */
    public OptionalInt cpu() {
        return cpu;
    }

    /**
     * The operating system's error number, if one.
     *
     * @return the operating system's error number, or empty when the failure carried none
     */
    public OptionalInt errno() {
        return errno;
    }

    /**
     * What to do next, or empty.
     *
     * @return what to do next, or the empty string when there is nothing to suggest
     */
    public String remedy() {
        return remedy;
    }
}
