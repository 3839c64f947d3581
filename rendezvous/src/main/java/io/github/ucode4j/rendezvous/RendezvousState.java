package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.Revision;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

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
    /** The phase of the whole machine. */
    enum Phase { PREPARE, CALLIN, ENTER, EXIT, ABORT }

    /** Where one CPU stands in the call-in. */
    enum CallIn { NOT_ARRIVED, ARRIVED, PIN_FAILED }

    /** The load of one slot; followers hold {@code NOT_LOADING}. */
    enum Load { PENDING, RUNNING, DONE, TIMED_OUT, SKIPPED, NEVER_STARTED, NOT_LOADING }

    /** Whether the loaders may start: closed when the control CPU's load did not succeed. */
    enum Gate { WAITING, OPEN, CLOSED }

    /** Whether one thread reported after EXIT, or the coordinator stopped waiting for it. */
    enum Report { NOT_REPORTED, REPORTED, ABANDONED }

    // Enum constants are shared instances: reading, setting and compare-and-setting them allocates nothing.
    final AtomicReference<Phase> phase = new AtomicReference<>(Phase.PREPARE);
    final AtomicInteger calledIn = new AtomicInteger();
    final AtomicInteger pendingLoads;
    final AtomicReference<Gate> gate;
    final AtomicReferenceArray<CallIn> callIn;
    final AtomicReferenceArray<Load> load;
    final AtomicReferenceArray<Report> report;

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
        gate = new AtomicReference<>(roles.controlSlot() == LoadRoles.NONE ? Gate.OPEN : Gate.WAITING);
        callIn = new AtomicReferenceArray<>(size);
        load = new AtomicReferenceArray<>(size);
        report = new AtomicReferenceArray<>(size);
        for (int slot = 0; slot < size; slot++) {
            callIn.set(slot, CallIn.NOT_ARRIVED);
            load.set(slot, roles.loads(slot) ? Load.PENDING : Load.NOT_LOADING);
            report.set(slot, Report.NOT_REPORTED);
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
        phase.set(Phase.CALLIN);
    }

    /**
     * Records that {@code slot} called in; the last CPU to call in enters the stopped window, and leaves it at once
     * when nobody loads.
     */
    void arrive(int slot) {
        callIn.set(slot, CallIn.ARRIVED);
        if (calledIn.incrementAndGet() == size()) {
            long now = System.nanoTime();
            enteredAt = now;
            gateChangedAt = now;
            if (phase.compareAndSet(Phase.CALLIN, Phase.ENTER) && pendingLoads.get() == 0) {
                exit();
            }
        }
    }

    /** Aborts the call-in, unless every CPU has already called in; returns whether it aborted. */
    boolean abortCallIn() {
        return phase.compareAndSet(Phase.CALLIN, Phase.ABORT);
    }

    /** Records that {@code slot}'s thread could not be pinned, and aborts the call-in. */
    void pinFailed(int slot, Throwable failure) {
        failures[slot] = failure;
        callIn.set(slot, CallIn.PIN_FAILED);
        abortCallIn();
    }

    /** Marks {@code slot}'s load as started; false when the coordinator already decided it (timed out, skipped). */
    boolean startLoad(int slot) {
        applyStartedAt[slot] = System.nanoTime();
        return load.compareAndSet(slot, Load.PENDING, Load.RUNNING);
    }

    /** Marks {@code slot}'s load as finished; false when the coordinator timed it out meanwhile. */
    boolean finishLoad(int slot) {
        return settle(slot, Load.RUNNING, Load.DONE);
    }

    /**
     * Marks {@code slot}'s load as timed out while running, or as never started while pending; false when it had
     * already settled.
     */
    boolean timeOut(int slot) {
        return settle(slot, Load.RUNNING, Load.TIMED_OUT) || settle(slot, Load.PENDING, Load.NEVER_STARTED);
    }

    /**
     * Lets the loaders go, or, when the control CPU's load did not succeed, settles every pending loader as skipped.
     * Only the first decision counts.
     */
    void decideGate(boolean open) {
        gateChangedAt = System.nanoTime();
        if (gate.compareAndSet(Gate.WAITING, open ? Gate.OPEN : Gate.CLOSED) && !open) {
            for (int slot = 0; slot < size(); slot++) {
                settle(slot, Load.PENDING, Load.SKIPPED);
            }
        }
    }

    // The one place a load settles: the winner of the compare-and-set counts it, and the last one leaves the window.
    private boolean settle(int slot, Load from, Load to) {
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
        phase.set(Phase.EXIT);
    }

    /** Publishes what {@code slot}'s thread read after EXIT; false when the coordinator stopped waiting. */
    boolean report(int slot) {
        return report.compareAndSet(slot, Report.NOT_REPORTED, Report.REPORTED);
    }

    /** Stops waiting for {@code slot}'s report; false when it had reported. */
    boolean abandonReport(int slot) {
        return report.compareAndSet(slot, Report.NOT_REPORTED, Report.ABANDONED);
    }
}
