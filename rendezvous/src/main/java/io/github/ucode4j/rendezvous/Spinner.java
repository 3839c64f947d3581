package io.github.ucode4j.rendezvous;

/**
 * How one participant waits: allocation-free, lock-free, and bounded by a deadline past which it stops waiting
 * even if nobody tells it to (the coordinator normally settles everything well before).
 */
final class Spinner {
    // Yielding on every turn would make a loaded host's scheduler the bottleneck; every 64th keeps a loader that
    // shares a host CPU with spinning threads from waiting more than a few turns for its time slice.
    private static final int TURNS_PER_YIELD = 64;

    private final boolean yieldInWindow;
    private final long deadline;
    private int turns;

    /**
     * @param yieldInWindow whether to yield now and then inside the stopped window
     * @param deadline the {@link System#nanoTime()} past which waits give up
     */
    Spinner(boolean yieldInWindow, long deadline) {
        this.yieldInWindow = yieldInWindow;
        this.deadline = deadline;
    }

    /** One turn of waiting before the stopped window, where giving the host CPU away costs nothing. */
    void pauseOutsideWindow() {
        Thread.onSpinWait();
        Thread.yield();
    }

    /** One turn of waiting inside the stopped window. */
    void pauseInWindow() {
        Thread.onSpinWait();
        if (yieldInWindow && ++turns % TURNS_PER_YIELD == 0) {
            Thread.yield();
        }
    }

    /** Whether the deadline has passed. */
    boolean expired() {
        return System.nanoTime() - deadline > 0;
    }
}
