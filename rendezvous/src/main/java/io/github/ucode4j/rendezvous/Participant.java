package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.PerCpuBackend;
import io.github.ucode4j.rendezvous.RendezvousState.Gate;
import io.github.ucode4j.rendezvous.RendezvousState.Phase;

/**
 * The body of the thread that stands for one CPU: pin, read the revision, call in, then (inside the stopped
 * window) load or hold still until EXIT, then read the revision again and report.
 *
 * <p>From call-in to EXIT it only reads and writes the preallocated {@link RendezvousState} and spins: no
 * allocation, no lock, no logging, no blocking, except inside the backend's {@code apply}. Anything a backend
 * throws is caught and recorded for the report, so a failing backend cannot kill the thread silently or leave
 * the others waiting.
 */
final class Participant implements Runnable {
    private final int slot;
    private final LogicalCpu cpu;
    private final LoadRoles.Role role;
    private final MicrocodePatch patch;
    private final LoadProtocol protocol;
    private final PerCpuBackend backend;
    private final RendezvousState state;
    private final Spinner spinner;

    Participant(int slot, LogicalCpu cpu, LoadRoles roles, LoadProtocol protocol, PerCpuBackend backend,
                RendezvousState state, Spinner spinner) {
        this.slot = slot;
        this.cpu = cpu;
        this.role = roles.role(slot);
        this.patch = roles.target(slot).orElse(null);
        this.protocol = protocol;
        this.backend = backend;
        this.state = state;
        this.spinner = spinner;
    }

    @Override
    public void run() {
        if (!pin() || state.phase.get() != Phase.CALLIN) {
            return;
        }
        state.before[slot] = readRevision();
        if (!callIn()) {
            return;
        }
        if (role != LoadRoles.Role.FOLLOWER) {
            load();
        }
        awaitExit();
        if (role == LoadRoles.Role.FOLLOWER) {
            state.after[slot] = readRevision();
        }
        state.report(slot);
    }

    private boolean pin() {
        try {
            backend.pinCurrentThread(cpu);
            return true;
        } catch (Exception | Error e) {
            state.pinFailed(slot, e);
            return false;
        }
    }

    // Outside the window: threads that called in early yield, so that late ones get a host CPU to start on.
    private boolean callIn() {
        state.arrive(slot);
        while (state.phase.get() == Phase.CALLIN) {
            if (spinner.expired()) {
                state.abortCallIn();
            }
            spinner.pauseOutsideWindow();
        }
        return state.phase.get() != Phase.ABORT;
    }

    private void load() {
        if (role == LoadRoles.Role.LOADER) {
            while (state.gate.get() == Gate.WAITING && !spinner.expired()) {
                spinner.pauseInWindow();
            }
            if (state.gate.get() != Gate.OPEN) {
                return;
            }
        }
        if (!state.startLoad(slot)) {
            return;
        }
        try {
            state.applied[slot] = backend.apply(cpu, patch, protocol);
        } catch (RuntimeException | Error e) {
            state.failures[slot] = e;
        }
        boolean settled = state.finishLoad(slot);
        if (settled && role == LoadRoles.Role.CONTROL) {
            state.decideGate(state.applied[slot] != null && state.applied[slot].outcome().succeeded());
        }
    }

    private void awaitExit() {
        while (state.phase.get() != Phase.EXIT && !spinner.expired()) {
            spinner.pauseInWindow();
        }
    }

    // A failed read is recorded and leaves the revision unknown; the report says why.
    private Revision readRevision() {
        try {
            return backend.readRevision(cpu, protocol);
        } catch (Exception | Error e) {
            state.readFailures[slot] = e;
            return null;
        }
    }
}
