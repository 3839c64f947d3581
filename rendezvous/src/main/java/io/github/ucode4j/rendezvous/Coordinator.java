package io.github.ucode4j.rendezvous;

import io.github.ucode4j.rendezvous.RendezvousState.Gate;
import io.github.ucode4j.rendezvous.RendezvousState.Load;
import io.github.ucode4j.rendezvous.RendezvousState.Phase;
import io.github.ucode4j.rendezvous.RendezvousState.Report;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces a rendezvous's deadlines from the calling thread, which is not one of the participating CPUs and may
 * therefore sleep between checks. Whatever the participants do (hang in a backend, die, never start), each method
 * returns within its deadline plus one poll.
 */
final class Coordinator {
    // Fine against every deadline (tens of milliseconds at least), coarse enough that waking up does not take a
    // host CPU from the spinning participants on a small machine.
    private static final long POLL_NANOS = 1_000_000;

    private final RendezvousState state;
    private final long callInNanos;
    private final long progressNanos;

    Coordinator(RendezvousState state, RendezvousOptions options) {
        this.state = state;
        this.callInNanos = options.callInTimeout().toNanos();
        this.progressNanos = options.progressTimeout().toNanos();
    }

    /**
     * Waits until every CPU has called in, or aborts the rendezvous when the call-in deadline passes first.
     *
     * @return the {@link System#nanoTime()} at which the call-in ended: entered, or aborted
     */
    long superviseCallIn() {
        long deadline = state.callInStartedAt + callInNanos;
        while (state.phase.get() == Phase.CALLIN) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                state.abortCallIn();
            } else {
                LockSupport.parkNanos(Math.min(left, POLL_NANOS));
            }
        }
        return state.phase.get() == Phase.ABORT ? System.nanoTime() : state.enteredAt;
    }

    /**
     * While the CPUs are held, times out every load that has not finished within the progress timeout (counted
     * from its start, or from the moment it was allowed to start). Returns when the machine has left the window.
     */
    void superviseWindow() {
        long windowSeenAt = System.nanoTime();
        while (state.phase.get() == Phase.ENTER) {
            long now = System.nanoTime();
            Gate gate = state.gate.get();
            if (gate == Gate.WAITING) {
                timeOutControlIfOverdue(windowSeenAt, now);
            } else if (gate == Gate.OPEN) {
                timeOutLoadersIfOverdue(state.gateChangedAt, now);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void timeOutControlIfOverdue(long pendingSince, long now) {
        int control = state.controlSlot();
        if (overdue(control, pendingSince, now) && state.timeOut(control)) {
            state.decideGate(false);
        }
    }

    private void timeOutLoadersIfOverdue(long pendingSince, long now) {
        for (int slot = 0; slot < state.size(); slot++) {
            if (overdue(slot, pendingSince, now)) {
                state.timeOut(slot);
            }
        }
    }

    private boolean overdue(int slot, long pendingSince, long now) {
        return switch (state.load.get(slot)) {
            case RUNNING -> now - state.applyStartedAt[slot] > progressNanos;
            case PENDING -> now - pendingSince > progressNanos;
            default -> false;
        };
    }

    /**
     * After EXIT, waits up to the progress timeout for every thread that is not stuck in a load to report its
     * revision, then stops waiting for the others.
     */
    void awaitReports() {
        if (state.phase.get() != Phase.EXIT) {
            return;
        }
        long deadline = System.nanoTime() + progressNanos;
        while (!everyLiveThreadReported() && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(POLL_NANOS);
        }
        for (int slot = 0; slot < state.size(); slot++) {
            state.abandonReport(slot);
        }
    }

    private boolean everyLiveThreadReported() {
        for (int slot = 0; slot < state.size(); slot++) {
            boolean stuck = state.load.get(slot) == Load.TIMED_OUT;
            if (!stuck && state.report.get(slot) == Report.NOT_REPORTED) {
                return false;
            }
        }
        return true;
    }
}
