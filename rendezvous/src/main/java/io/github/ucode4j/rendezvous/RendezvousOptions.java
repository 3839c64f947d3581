package io.github.ucode4j.rendezvous;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Rendezvous} waits and in which order CPUs load.
 *
 * <p>The defaults ({@link #DEFAULTS}):
 * <ul>
 *   <li>call-in timeout 1 s. Linux waits 1 s for every CPU to enter its stop; Xen waits 30 ms, but its CPUs are
 *       already running hypervisor code, while here a call-in includes starting a platform thread and pinning it,
 *       which takes milliseconds when the machine is busy.
 *   <li>progress timeout 1 s per loading CPU, as Linux and Xen allow a core.
 *   <li>control first: one CPU loads alone before the others start, as Xen does, so that a patch the CPU refuses
 *       or that breaks it is tried on one CPU only.
 *   <li>spinning {@link Spinning#AUTO}.
 * </ul>
 *
 * @param callInTimeout how long every CPU has to start, pin its thread and call in; when it passes, nothing is
 *     applied anywhere
 * @param progressTimeout how long each loading CPU has to finish its load (and each CPU to report after the
 *     stop); a CPU that takes longer is reported {@link io.github.ucode4j.api.CpuOutcome#TIMED_OUT}
 * @param controlFirst whether the control CPU loads first and alone; false loads every loading CPU at once,
 *     for comparison
 * @param spinning how threads wait inside the stopped window
 */
public record RendezvousOptions(Duration callInTimeout, Duration progressTimeout, boolean controlFirst,
                                Spinning spinning) {

    /** 1 s call-in, 1 s progress, control first, {@link Spinning#AUTO}. */
    public static final RendezvousOptions DEFAULTS =
            new RendezvousOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), true, Spinning.AUTO);

    /**
     * @param callInTimeout how long every CPU has to call in; must be positive
     * @param progressTimeout how long each loading CPU has to finish; must be positive
     * @param controlFirst whether the control CPU loads first and alone
     * @param spinning how threads wait inside the stopped window; not null
     * @throws IllegalArgumentException when a timeout is not positive
     */
    public RendezvousOptions {
        Objects.requireNonNull(spinning, "spinning");
        requirePositive(callInTimeout, "callInTimeout");
        requirePositive(progressTimeout, "progressTimeout");
    }

    /**
     * These options with another call-in timeout.
     *
     * @param timeout how long every CPU has to call in; must be positive
     * @return a copy of these options with that call-in timeout
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public RendezvousOptions withCallInTimeout(Duration timeout) {
        return new RendezvousOptions(timeout, progressTimeout, controlFirst, spinning);
    }

    /**
     * These options with another progress timeout.
     *
     * @param timeout how long each loading CPU has to finish; must be positive
     * @return a copy of these options with that progress timeout
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public RendezvousOptions withProgressTimeout(Duration timeout) {
        return new RendezvousOptions(callInTimeout, timeout, controlFirst, spinning);
    }

    /**
     * These options with the control-first step on or off.
     *
     * @param on {@code true} for the control CPU to load first and alone, {@code false} for every loading CPU at once
     * @return a copy of these options with that choice
     */
    public RendezvousOptions withControlFirst(boolean on) {
        return new RendezvousOptions(callInTimeout, progressTimeout, on, spinning);
    }

    /**
     * These options with another way of spinning.
     *
     * @param how how threads wait inside the stopped window; not null
     * @return a copy of these options with that way of spinning
     */
    public RendezvousOptions withSpinning(Spinning how) {
        return new RendezvousOptions(callInTimeout, progressTimeout, controlFirst, how);
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + timeout);
        }
    }

    /** How a thread waits inside the stopped window. */
    public enum Spinning {
        /**
         * {@link Thread#onSpinWait()} only: right when every thread has a CPU of its own, as on a real machine
         * where each is pinned to a different CPU.
         */
        PURE,
        /**
         * {@link Thread#onSpinWait()}, and {@link Thread#yield()} every few dozen turns: right when threads
         * outnumber the host's CPUs (a simulated machine larger than the host), where pure spinning would keep
         * the loading threads off the CPUs.
         */
        YIELDING,
        /** {@link #YIELDING} when the participating CPUs outnumber the host's processors, else {@link #PURE}. */
        AUTO;

        /** Whether threads yield while spinning, for {@code participants} threads on this host. */
        boolean yields(int participants) {
            return this == YIELDING || this == AUTO && participants > Runtime.getRuntime().availableProcessors();
        }
    }
}
