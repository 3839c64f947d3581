package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadJudge;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.SiblingEvidence;
import io.github.ucode4j.rendezvous.RendezvousState.CallIn;
import io.github.ucode4j.rendezvous.RendezvousState.Load;
import io.github.ucode4j.rendezvous.RendezvousState.Phase;
import io.github.ucode4j.rendezvous.RendezvousState.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns what the threads left in a {@link RendezvousState} into a {@link RendezvousReport}, after the stop: one
 * result per CPU, judged from the statuses the coordinator settled and the revisions the threads read.
 */
final class ReportAssembler {
    private final RendezvousRequest request;
    private final LoadRoles roles;
    private final RendezvousState state;
    private final RendezvousOptions options;

    ReportAssembler(RendezvousRequest request, LoadRoles roles, RendezvousState state, RendezvousOptions options) {
        this.request = request;
        this.roles = roles;
        this.state = state;
        this.options = options;
    }

    /** The report of a rendezvous that stopped before any thread started: nothing attempted anywhere. */
    static RendezvousReport notStarted(RendezvousRequest request, Abort abort) {
        List<CpuResult> results = request.assignments().stream()
                .map(a -> result(a.cpu().index(), CpuOutcome.NOT_ATTEMPTED, null, null, "not attempted: " + abort.detail()))
                .toList();
        return new RendezvousReport(results, Optional.of(abort), OptionalInt.empty(), Duration.ZERO, Optional.empty(), List.of());
    }

    /**
     * The report once the coordinator is done.
     *
     * @param callInEndedAt the {@link System#nanoTime()} at which the call-in ended (entered or aborted)
     */
    RendezvousReport assemble(long callInEndedAt) {
        Duration callIn = Duration.ofNanos(callInEndedAt - state.callInStartedAt);
        OptionalInt control = roles.controlSlot() == LoadRoles.NONE ? OptionalInt.empty() : OptionalInt.of(cpu(roles.controlSlot()));
        if (state.phase.get() == Phase.ABORT) {
            Abort abort = callInAbort();
            List<CpuResult> results = new ArrayList<>();
            for (int slot = 0; slot < state.size(); slot++) {
                results.add(callInResult(slot, abort));
            }
            return new RendezvousReport(results, Optional.of(abort), control, callIn, Optional.empty(), List.of());
        }
        List<CpuResult> results = new ArrayList<>();
        for (int slot = 0; slot < state.size(); slot++) {
            results.add(roles.loads(slot) ? loaderResult(slot) : followerResult(slot));
        }
        // Judged from the control's result, not the gate: a lone control CPU may leave the window before it shuts it.
        Optional<Abort> abort = control.isPresent() && !results.get(roles.controlSlot()).outcome().succeeded()
                ? Optional.of(controlAbort(results.get(roles.controlSlot())))
                : Optional.empty();
        Duration window = Duration.ofNanos(state.exitedAt - state.enteredAt);
        return new RendezvousReport(results, abort, control, callIn, Optional.of(window), List.of());
    }

    private Abort callInAbort() {
        List<Integer> late = new ArrayList<>();
        for (int slot = 0; slot < state.size(); slot++) {
            CallIn status = state.callIn.get(slot);
            if (status == CallIn.PIN_FAILED) {
                return new Abort(AbortCause.PIN_FAILED, "the thread for CPU " + cpu(slot) + " could not be pinned ("
                        + describe(state.failures[slot]) + "); nothing was applied");
            }
            if (status == CallIn.NOT_ARRIVED) {
                late.add(cpu(slot));
            }
        }
        return new Abort(AbortCause.CALL_IN_TIMEOUT, "CPUs " + late + " did not call in within "
                + millis(options.callInTimeout()) + "; nothing was applied");
    }

    private CpuResult callInResult(int slot, Abort abort) {
        Revision before = state.before[slot];
        return switch (state.callIn.get(slot)) {
            case PIN_FAILED -> new CpuResult(cpu(slot), CpuOutcome.FAILED, Optional.ofNullable(before),
                    Optional.empty(), errnoOf(state.failures[slot]),
                    "could not pin a thread to this CPU: " + describe(state.failures[slot]));
            case NOT_ARRIVED -> result(cpu(slot), CpuOutcome.TIMED_OUT, before, null,
                    "did not call in within " + millis(options.callInTimeout()));
            default -> result(cpu(slot), CpuOutcome.NOT_ATTEMPTED, before, null, "not attempted: " + abort.detail());
        };
    }

    private CpuResult loaderResult(int slot) {
        Revision before = state.before[slot];
        return switch (state.load.get(slot)) {
            case DONE -> appliedResult(slot);
            case TIMED_OUT -> result(cpu(slot), CpuOutcome.TIMED_OUT, before, null,
                    "the load did not finish within " + millis(options.progressTimeout())
                            + "; a hung apply cannot be interrupted, so its thread is left running as a daemon");
            case NEVER_STARTED -> result(cpu(slot), CpuOutcome.TIMED_OUT, before, null,
                    "its thread did not start the load within " + millis(options.progressTimeout())
                            + " of being let go, and then did not start it at all");
            default -> result(cpu(slot), CpuOutcome.NOT_ATTEMPTED, before, null, "not attempted: the control CPU "
                    + cpu(roles.controlSlot()) + "'s load did not succeed");
        };
    }

    private CpuResult appliedResult(int slot) {
        CpuResult applied = state.applied[slot];
        Revision before = state.before[slot];
        if (state.failures[slot] != null) {
            return result(cpu(slot), CpuOutcome.FAILED, before, null,
                    "the backend's apply threw " + describe(state.failures[slot]));
        }
        if (applied == null || applied.cpu() != cpu(slot)) {
            return result(cpu(slot), CpuOutcome.FAILED, before, null,
                    "the backend's apply returned " + (applied == null ? "no result" : "a result for CPU " + applied.cpu()));
        }
        return applied;
    }

    private CpuResult followerResult(int slot) {
        if (state.report.get(slot) != Report.REPORTED) {
            return result(cpu(slot), CpuOutcome.TIMED_OUT, state.before[slot], null,
                    "did not read its revision within " + millis(options.progressTimeout()) + " after the stop");
        }
        Revision before = state.before[slot];
        Revision after = state.after[slot];
        Optional<MicrocodePatch> target = roles.target(slot);
        if (after == null) {
            return result(cpu(slot), CpuOutcome.FAILED, before, null,
                    "could not read the revision after the stop: " + describe(state.readFailures[slot]));
        }
        if (target.isEmpty()) {
            return result(cpu(slot), CpuOutcome.NOT_ATTEMPTED, before, after, "nothing to load");
        }
        return siblingResult(slot, before, after, target.get().revision());
    }

    // A sibling is judged only from what it read: where it started, where it is, and what its core's loader got.
    private CpuResult siblingResult(int slot, Revision before, Revision after, Revision wanted) {
        int loader = roles.loaderOf(slot);
        boolean loaderHung = state.load.get(loader) == Load.TIMED_OUT;
        return LoadJudge.judgeSibling(new SiblingEvidence(cpu(slot), Optional.ofNullable(before), after, wanted, cpu(loader),
                loaderResult(loader).outcome(), loaderHung));
    }

    private Abort controlAbort(CpuResult control) {
        return new Abort(AbortCause.CONTROL_FAILED, "the control CPU " + control.cpu() + " reported " + control.outcome()
                + " (" + control.message() + "); nothing else was attempted");
    }

    private int cpu(int slot) {
        return request.assignments().get(slot).cpu().index();
    }

    private static CpuResult result(int cpu, CpuOutcome outcome, Revision before, Revision after, String message) {
        return new CpuResult(cpu, outcome, Optional.ofNullable(before), Optional.ofNullable(after), OptionalInt.empty(), message);
    }

    private static OptionalInt errnoOf(Throwable failure) {
        return failure instanceof ApplyException e ? e.errno() : OptionalInt.empty();
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static String describe(Throwable failure) {
        return failure == null ? "no reason given" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
