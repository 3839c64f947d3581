package io.github.ucode4j.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.rendezvous.RendezvousState.CallIn;
import io.github.ucode4j.rendezvous.RendezvousState.Gate;
import io.github.ucode4j.rendezvous.RendezvousState.Load;
import io.github.ucode4j.rendezvous.RendezvousState.Phase;
import io.github.ucode4j.rendezvous.RendezvousState.Report;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.testing.Machines;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an SMT sibling reports from the state its core's loader left, on an Intel 1x2x2 machine: CPU 0 is the
 * control CPU (sibling CPU 2), CPU 1 the other loader (sibling CPU 3). The siblings still run the old revision.
 */
class ReportAssemblerTest {
    private static final Revision OLD = Revision.of(0x10);
    private static final Revision NEW = Revision.of(0x20);
    private static final int LOADER = 1;
    private static final int SIBLING = 3;

    private RendezvousRequest request;
    private LoadRoles roles;
    private RendezvousState state;

    @BeforeEach
    void aWindowThatEnded() {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(OLD).build()) {
            request = Machines.loadEverywhere(machine, NEW);
        }
        roles = LoadRoles.assign(request, true);
        state = new RendezvousState(roles);
        for (int slot = 0; slot < state.size(); slot++) {
            state.callIn.set(slot, CallIn.ARRIVED);
            state.before[slot] = OLD;
        }
        state.phase.set(Phase.EXIT);
        state.load.set(0, Load.DONE);
        state.applied[0] = applied(0, CpuOutcome.UPDATED, NEW);
        state.gate.set(Gate.OPEN);
        for (int follower : new int[] {2, SIBLING}) {
            state.after[follower] = follower == 2 ? NEW : OLD;
            state.report.set(follower, Report.REPORTED);
        }
    }

    @Test
    void theSiblingOfALoaderThatRefusedRefusedToo() {
        state.load.set(LOADER, Load.DONE);
        state.applied[LOADER] = applied(LOADER, CpuOutcome.REFUSED, OLD);

        CpuResult sibling = sibling();

        assertThat(sibling.outcome()).isEqualTo(CpuOutcome.REFUSED);
        assertThat(sibling.message()).contains("CPU 1 reported REFUSED");
    }

    @Test
    void theSiblingOfALoaderThatFailedWasNotAttempted() {
        state.load.set(LOADER, Load.DONE);
        state.applied[LOADER] = applied(LOADER, CpuOutcome.FAILED, OLD);

        CpuResult sibling = sibling();

        assertThat(sibling.outcome()).isEqualTo(CpuOutcome.NOT_ATTEMPTED);
        assertThat(sibling.message()).contains("CPU 1", "FAILED");
        assertThat(sibling.after()).contains(OLD);
    }

    @Test
    void theSiblingOfALoaderWhoseApplyThrewWasNotAttempted() {
        state.load.set(LOADER, Load.DONE);
        state.failures[LOADER] = new InternalError("the thread died");

        assertThat(sibling().outcome()).isEqualTo(CpuOutcome.NOT_ATTEMPTED);
    }

    @Test
    void theSiblingOfALoadThatHungIsUnknownForTheLoadMayStillLand() {
        state.load.set(LOADER, Load.TIMED_OUT);

        CpuResult sibling = sibling();

        assertThat(sibling.outcome()).isEqualTo(CpuOutcome.UNKNOWN);
        assertThat(sibling.message()).contains("CPU 1", "may still");
        assertThat(sibling.after()).contains(OLD);
    }

    @Test
    void theSiblingOfALoadThatNeverStartedWasNotAttempted() {
        state.load.set(LOADER, Load.NEVER_STARTED);

        assertThat(sibling().outcome()).isEqualTo(CpuOutcome.NOT_ATTEMPTED);
    }

    @Test
    void theSiblingOfALoadSkippedAfterTheControlCpuWasNotAttempted() {
        state.load.set(LOADER, Load.SKIPPED);

        assertThat(sibling().outcome()).isEqualTo(CpuOutcome.NOT_ATTEMPTED);
    }

    @Test
    void theSiblingOfALoaderThatUpdatedReportsItsSiblingsLoad() {
        state.load.set(LOADER, Load.DONE);
        state.applied[LOADER] = applied(LOADER, CpuOutcome.UPDATED, NEW);
        state.after[SIBLING] = NEW;

        assertThat(sibling().outcome()).isEqualTo(CpuOutcome.SIBLING_UPDATED);
    }

    @Test
    void theSiblingOfALoaderThatReloadedTheRunningRevisionWasUpdatedThroughItAsTheLoaderWas() {
        state.before[LOADER] = NEW;
        state.before[SIBLING] = NEW;
        state.after[SIBLING] = NEW;
        state.load.set(LOADER, Load.DONE);
        state.applied[LOADER] = new CpuResult(LOADER, CpuOutcome.UPDATED, Optional.of(NEW), Optional.of(NEW), OptionalInt.empty(),
                "reloaded");

        CpuResult sibling = sibling();

        assertThat(sibling.outcome()).isEqualTo(CpuOutcome.SIBLING_UPDATED);
        assertThat(sibling.message()).isEqualTo("now runs 0x20, loaded by its SMT sibling CPU 1");
    }

    @Test
    void aSiblingThatMovedToAThirdRevisionFailedAsALoaderWould() {
        state.load.set(LOADER, Load.DONE);
        state.applied[LOADER] = applied(LOADER, CpuOutcome.FAILED, Revision.of(0x18));
        state.after[SIBLING] = Revision.of(0x18);

        CpuResult sibling = sibling();

        assertThat(sibling.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(sibling.message()).contains("now runs 0x18", "neither", "0x10", "0x20", "CPU 1 reported FAILED");
    }

    private CpuResult sibling() {
        RendezvousReport report = new ReportAssembler(request, roles, state, Machines.RELAXED).assemble(state.callInStartedAt);
        return report.result(SIBLING).orElseThrow();
    }

    private static CpuResult applied(int cpu, CpuOutcome outcome, Revision after) {
        return new CpuResult(cpu, outcome, Optional.of(OLD), Optional.of(after), OptionalInt.empty(), outcome.name());
    }
}
