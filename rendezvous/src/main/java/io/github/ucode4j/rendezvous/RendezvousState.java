package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.Revision;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Everything the threads of one rendezvous share, allocated before the first thread starts so that nothing is
 * allocated inside the stopped window. Slots are positions in the sorted request.
 *
 * <p>Plain array elements are written by the slot's own thread before it publishes them with a volatile write
 * or compare-and-set on the matching status (call-in, load, report), and read by others only after they read
 * that status; the status transitions are compare-and-sets, so a thread that comes back late (from a hung
 * apply, say) can never overwrite what the coordinator has already decided.
 */
final class RendezvousState {
    // The phase of the whole machine.
    static final int PREPARE = 0;
    static final int CALLIN = 1;
    static final int ENTER = 2;
    static final int EXIT = 3;
    static final int ABORT = 4;

    // Where each CPU stands in the call-in.
    static final int NOT_ARRIVED = 0;
    static final int ARRIVED = 1;
    static final int PIN_FAILED = 2;

    // The load of each loading slot; followers hold NOT_LOADING.
    static final int PENDING = 0;
    static final int RUNNING = 1;
    static final int DONE = 2;
    static final int TIMED_OUT = 3;
    static final int SKIPPED = 4;
    static final int NEVER_STARTED = 5;
    static final int NOT_LOADING = 6;

    // Whether the loaders may start: closed when the control CPU's load did not succeed.
    static final int GATE_WAITING = 0;
    static final int GATE_OPEN = 1;
    static final int GATE_CLOSED = 2;

    // Whether each thread reported after EXIT, or the coordinator stopped waiting for it.
    static final int NOT_REPORTED = 0;
    static final int REPORTED = 1;
    static final int ABANDONED = 2;

    final AtomicInteger phase = new AtomicInteger(PREPARE);
    final AtomicInteger calledIn = new AtomicInteger();
    final AtomicInteger pendingLoads;
    final AtomicInteger gate;
    final AtomicIntegerArray callIn;
    final AtomicIntegerArray load;
    final AtomicIntegerArray report;

    final Revision[] before;
    final Revision[] after;
    final CpuResult[] applied;
    final Throwable[] failures;
    final Throwable[] readFailures;
    final long[] applyStartedAt;

    volatile long callInStartedAt;
    volatile long enteredAt;
    volatile long exitedAt;
    volatile long gateChangedAt;

    private final LoadRoles roles;

    RendezvousState(LoadRoles roles) {
        this.roles = roles;
        int size = roles.size();
        pendingLoads = new AtomicInteger(roles.loaderCount());
        gate = new AtomicInteger(roles.controlSlot() == LoadRoles.NONE ? GATE_OPEN : GATE_WAITING);
        callIn = new AtomicIntegerArray(size);
        load = new AtomicIntegerArray(size);
        report = new AtomicIntegerArray(size);
        for (int slot = 0; slot < size; slot++) {
            load.set(slot, roles.loads(slot) ? PENDING : NOT_LOADING);
        }
        before = new Revision[size];
        after = new Revision[size];
        applied = new CpuResult[size];
        failures = new Throwable[size];
        readFailures = new Throwable[size];
        applyStartedAt = new long[size];
    }

    /** The number of slots. */
    int size() {
        return roles.size();
    }

    /** The control CPU's slot, or {@link LoadRoles#NONE}. */
    int controlSlot() {
        return roles.controlSlot();
    }

    /** Opens the call-in: from now on threads may start and call in. */
    void openCallIn() {
        callInStartedAt = System.nanoTime();
        phase.set(CALLIN);
    }

    /**
     * Records that {@code slot} called in; the last CPU to call in enters the stopped window, and leaves it at once
     * when nobody loads.
     */
    void arrive(int slot) {
        callIn.set(slot, ARRIVED);
        if (calledIn.incrementAndGet() == size()) {
            long now = System.nanoTime();
            enteredAt = now;
            gateChangedAt = now;
            if (phase.compareAndSet(CALLIN, ENTER) && pendingLoads.get() == 0) {
                exit();
            }
        }
    }

    /** Aborts the call-in, unless every CPU has already called in; returns whether it aborted. */
    boolean abortCallIn() {
        return phase.compareAndSet(CALLIN, ABORT);
    }

    /** Records that {@code slot}'s thread could not be pinned, and aborts the call-in. */
    void pinFailed(int slot, Throwable failure) {
        failures[slot] = failure;
        callIn.set(slot, PIN_FAILED);
        abortCallIn();
    }

    /** Marks {@code slot}'s load as started; false when the coordinator already decided it (timed out, skipped). */
    boolean startLoad(int slot) {
        applyStartedAt[slot] = System.nanoTime();
        return load.compareAndSet(slot, PENDING, RUNNING);
    }

    /** Marks {@code slot}'s load as finished; false when the coordinator timed it out meanwhile. */
    boolean finishLoad(int slot) {
        return settle(slot, RUNNING, DONE);
    }

    /**
     * Marks {@code slot}'s load as timed out while running, or as never started while pending; false when it had
     * already settled.
     */
    boolean timeOut(int slot) {
        return settle(slot, RUNNING, TIMED_OUT) || settle(slot, PENDING, NEVER_STARTED);
    }

    /**
     * Lets the loaders go, or, when the control CPU's load did not succeed, settles every pending loader as skipped.
     * Only the first decision counts.
     */
    void decideGate(boolean open) {
        gateChangedAt = System.nanoTime();
        if (gate.compareAndSet(GATE_WAITING, open ? GATE_OPEN : GATE_CLOSED) && !open) {
            for (int slot = 0; slot < size(); slot++) {
                settle(slot, PENDING, SKIPPED);
            }
        }
    }

    // The one place a load settles: the winner of the compare-and-set counts it, and the last one leaves the window.
    private boolean settle(int slot, int from, int to) {
        if (!load.compareAndSet(slot, from, to)) {
            return false;
        }
        if (pendingLoads.decrementAndGet() == 0) {
            exit();
        }
        return true;
    }

    private void exit() {
        exitedAt = System.nanoTime();
        phase.set(EXIT);
    }

    /** Publishes what {@code slot}'s thread read after EXIT; false when the coordinator stopped waiting. */
    boolean report(int slot) {
        return report.compareAndSet(slot, NOT_REPORTED, REPORTED);
    }

    /** Stops waiting for {@code slot}'s report; false when it had reported. */
    boolean abandonReport(int slot) {
        return report.compareAndSet(slot, NOT_REPORTED, ABANDONED);
    }
}
