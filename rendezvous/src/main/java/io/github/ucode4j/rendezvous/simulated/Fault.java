package io.github.ucode4j.rendezvous.simulated;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong on one simulated CPU.
 *
 * @param kind what goes wrong
 * @param delay how late a {@link Kind#SLOW_CALL_IN} CPU calls in; zero for the other kinds
 */
public record Fault(Kind kind, Duration delay) {

    /**
     * @param kind what goes wrong; not null
     * @param delay how late the CPU calls in for {@link Kind#SLOW_CALL_IN}, else zero; not negative
     * @throws IllegalArgumentException when the delay is negative, or given for a kind other than a slow call-in
     */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || kind != Kind.SLOW_CALL_IN && !delay.isZero()) {
            throw new IllegalArgumentException(kind + " takes no delay, and no delay is negative: " + delay);
        }
    }

    /**
     * The CPU never calls in: pinning its thread blocks until the machine is closed, then fails.
     *
     * @return a {@link Kind#NEVER_CALLS_IN} fault
     */
    public static Fault neverCallsIn() {
        return new Fault(Kind.NEVER_CALLS_IN, Duration.ZERO);
    }

    /**
     * The CPU calls in {@code delay} late: pinning its thread takes that long.
     *
     * @param delay how late the CPU calls in; zero or more
     * @return a {@link Kind#SLOW_CALL_IN} fault
     * @throws IllegalArgumentException when {@code delay} is negative
     */
    public static Fault slowCallIn(Duration delay) {
        return new Fault(Kind.SLOW_CALL_IN, delay);
    }

    /**
     * The CPU takes every load request without error but keeps its revision.
     *
     * @return a {@link Kind#REFUSES} fault
     */
    public static Fault refuses() {
        return new Fault(Kind.REFUSES, Duration.ZERO);
    }

    /**
     * A load on the CPU never returns, until the machine is closed; then it reports a failure.
     *
     * @return a {@link Kind#HANGS_IN_APPLY} fault
     */
    public static Fault hangsInApply() {
        return new Fault(Kind.HANGS_IN_APPLY, Duration.ZERO);
    }

    /**
     * The thread loading the CPU dies: {@code apply} throws an {@link Error}.
     *
     * @return a {@link Kind#DIES_IN_APPLY} fault
     */
    public static Fault diesInApply() {
        return new Fault(Kind.DIES_IN_APPLY, Duration.ZERO);
    }

    /** What goes wrong. */
    public enum Kind {
        /** See {@link Fault#neverCallsIn()}. */
        NEVER_CALLS_IN,
        /** See {@link Fault#slowCallIn(Duration)}. */
        SLOW_CALL_IN,
        /** See {@link Fault#refuses()}. */
        REFUSES,
        /** See {@link Fault#hangsInApply()}. */
        HANGS_IN_APPLY,
        /** See {@link Fault#diesInApply()}. */
        DIES_IN_APPLY
    }
}
