package io.github.ucode4j.rendezvous;

import static io.github.ucode4j.rendezvous.testing.Machines.RELAXED;
import static io.github.ucode4j.rendezvous.testing.Machines.loadEverywhere;
import static io.github.ucode4j.rendezvous.testing.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.rendezvous.simulated.ApplyRecord;
import io.github.ucode4j.rendezvous.simulated.Fault;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fault matrix: what the rendezvous reports, and what it leaves applied, when a CPU misbehaves. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RendezvousFaultTest {
    private static final Revision OLD = Revision.of(0x10);
    private static final Revision NEW = Revision.of(0x20);
    private static final Duration SHORT = Duration.ofMillis(500);

    @Test
    void aCpuThatNeverCallsInStopsEverythingBeforeAnyLoad() {
        try (SimulatedBackend backend = backend(machine(Vendor.INTEL, "1x4x2").fault(5, Fault.neverCallsIn()))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED.withCallInTimeout(SHORT))
                    .run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.abort()).get().extracting(Abort::cause).isEqualTo(AbortCause.CALL_IN_TIMEOUT);
            assertThat(report.abort().orElseThrow().detail()).contains("[5]");
            assertThat(outcomes(report)).containsEntry(5, CpuOutcome.TIMED_OUT)
                    .allSatisfy((cpu, outcome) -> assertThat(outcome).isIn(CpuOutcome.TIMED_OUT, CpuOutcome.NOT_ATTEMPTED));
            assertNothingApplied(backend);
            assertThat(report.stoppedWindow()).isEmpty();
        }
    }

    @Test
    void aSlowCallInWithinTheDeadlineIsWaitedFor() {
        try (SimulatedBackend backend = backend(machine(Vendor.AMD, "1x2x1").fault(1, Fault.slowCallIn(Duration.ofMillis(50))))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.results()).extracting(CpuResult::outcome).containsOnly(CpuOutcome.UPDATED);
            assertThat(report.callIn()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
    }

    @Test
    void aCallInSlowerThanTheDeadlineAbortsAndTheLateThreadAppliesNothing() throws InterruptedException {
        try (SimulatedBackend backend = backend(machine(Vendor.AMD, "1x2x1").fault(1, Fault.slowCallIn(Duration.ofMillis(400))))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED.withCallInTimeout(Duration.ofMillis(100)))
                    .run(loadEverywhere(backend.machine(), NEW));
            Thread.sleep(500); // the late thread arrives after the abort

            assertThat(report.abort()).get().extracting(Abort::cause).isEqualTo(AbortCause.CALL_IN_TIMEOUT);
            assertThat(report.result(1).orElseThrow().outcome()).isEqualTo(CpuOutcome.TIMED_OUT);
            assertNothingApplied(backend);
        }
    }

    @Test
    void aRefusalOnTheControlCpuStopsEveryOtherLoad() {
        try (SimulatedBackend backend = backend(machine(Vendor.INTEL, "1x4x2").fault(0, Fault.refuses()))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.abort()).get().extracting(Abort::cause).isEqualTo(AbortCause.CONTROL_FAILED);
            assertThat(report.result(0).orElseThrow().outcome()).isEqualTo(CpuOutcome.REFUSED);
            assertThat(report.result(4).orElseThrow().outcome()).as("the control CPU's SMT sibling").isEqualTo(CpuOutcome.REFUSED);
            assertThat(report.results()).filteredOn(r -> r.cpu() % 4 != 0).extracting(CpuResult::outcome)
                    .containsOnly(CpuOutcome.NOT_ATTEMPTED);
            assertThat(backend.machine().applyLog()).extracting(ApplyRecord::cpu).containsExactly(0);
            assertNothingApplied(backend);
        }
    }

    @Test
    void aRefusalOnOneCoreGivesAnHonestPartialReport() {
        try (SimulatedBackend backend = backend(machine(Vendor.INTEL, "1x4x2").fault(2, Fault.refuses()))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.aborted()).isFalse();
            assertThat(outcomes(report)).containsEntry(2, CpuOutcome.REFUSED).containsEntry(6, CpuOutcome.REFUSED)
                    .containsEntry(0, CpuOutcome.UPDATED).containsEntry(4, CpuOutcome.SIBLING_UPDATED)
                    .containsEntry(3, CpuOutcome.UPDATED).containsEntry(7, CpuOutcome.SIBLING_UPDATED);
            assertThat(report.result(6).orElseThrow().message()).contains("CPU 2 reported REFUSED");
            assertThat(backend.machine().revision(6)).isEqualTo(OLD);
        }
    }

    @Test
    void aHungLoadIsTimedOutTheOthersStillLoadAndClosingTheMachineReleasesIt() throws InterruptedException {
        try (SimulatedBackend backend = backend(machine(Vendor.AMD, "1x4x1").fault(2, Fault.hangsInApply()))) {
            long start = System.nanoTime();
            RendezvousReport report = new Rendezvous(backend, RELAXED.withProgressTimeout(SHORT))
                    .run(loadEverywhere(backend.machine(), NEW));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(outcomes(report)).containsEntry(2, CpuOutcome.TIMED_OUT).containsEntry(0, CpuOutcome.UPDATED)
                    .containsEntry(1, CpuOutcome.UPDATED).containsEntry(3, CpuOutcome.UPDATED);
            assertThat(report.result(2).orElseThrow().message()).contains("left running as a daemon");
            List<Thread> stuck = threadsNamed("ucode4j-cpu-2");
            assertThat(stuck).isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

            backend.machine().close();
            for (Thread thread : stuck) {
                thread.join(5_000);
            }
            assertThat(stuck).as("threads released when the machine closes").noneMatch(Thread::isAlive);
            assertThat(backend.machine().revision(2)).isEqualTo(OLD);
        }
    }

    @Test
    void aHungControlLoadStopsEveryOtherLoad() {
        try (SimulatedBackend backend = backend(machine(Vendor.AMD, "1x4x1").fault(0, Fault.hangsInApply()))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED.withProgressTimeout(SHORT))
                    .run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.abort()).get().extracting(Abort::cause).isEqualTo(AbortCause.CONTROL_FAILED);
            assertThat(outcomes(report)).containsEntry(0, CpuOutcome.TIMED_OUT).containsEntry(1, CpuOutcome.NOT_ATTEMPTED);
            assertNothingApplied(backend);
        }
    }

    @Test
    void aThreadThatDiesIsReportedWithItsReason() {
        try (SimulatedBackend backend = backend(machine(Vendor.INTEL, "1x2x2").fault(1, Fault.diesInApply()))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            CpuResult dead = report.result(1).orElseThrow();
            assertThat(dead.outcome()).isEqualTo(CpuOutcome.FAILED);
            assertThat(dead.message()).contains("InternalError").contains("died");
            assertThat(outcomes(report)).containsEntry(0, CpuOutcome.UPDATED).containsEntry(2, CpuOutcome.SIBLING_UPDATED)
                    .containsEntry(3, CpuOutcome.NOT_ATTEMPTED);
            assertThat(report.result(3).orElseThrow().message()).contains("nothing was tried");
        }
    }

    @Test
    void theSmtSiblingOfAHungLoadIsUnknownNotRefused() {
        try (SimulatedBackend backend = backend(machine(Vendor.INTEL, "1x2x2").fault(1, Fault.hangsInApply()))) {
            RendezvousReport report = new Rendezvous(backend, RELAXED.withProgressTimeout(SHORT))
                    .run(loadEverywhere(backend.machine(), NEW));

            assertThat(outcomes(report)).containsEntry(1, CpuOutcome.TIMED_OUT).containsEntry(3, CpuOutcome.UNKNOWN)
                    .containsEntry(0, CpuOutcome.UPDATED).containsEntry(2, CpuOutcome.SIBLING_UPDATED);
            assertThat(report.result(3).orElseThrow().message()).contains("may still land");
        }
    }

    @Test
    void aThreadThatCannotBePinnedAbortsBeforeAnyLoad() {
        try (SimulatedBackend backend = backend(machine(Vendor.AMD, "1x2x1"))) {
            Rendezvous rendezvous = new Rendezvous(new Unpinnable(backend, 1), RELAXED);
            RendezvousReport report = rendezvous.run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.abort()).get().extracting(Abort::cause).isEqualTo(AbortCause.PIN_FAILED);
            assertThat(report.result(1).orElseThrow().outcome()).isEqualTo(CpuOutcome.FAILED);
            assertThat(report.result(1).orElseThrow().message()).contains("no CPU affinity");
            assertNothingApplied(backend);
        }
    }

    @Test
    void aPatchThatCannotBePreparedStartsNoThread() {
        try (SimulatedBackend backend = backend(machine(Vendor.AMD, "1x2x1"))) {
            Rendezvous rendezvous = new Rendezvous(new Unpreparable(backend), RELAXED);
            RendezvousReport report = rendezvous.run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.abort()).get().extracting(Abort::cause).isEqualTo(AbortCause.PREPARE_FAILED);
            assertThat(report.results()).extracting(CpuResult::outcome).containsOnly(CpuOutcome.NOT_ATTEMPTED);
            assertThat(report.callIn()).isZero();
        }
    }

    private static SimulatedBackend backend(SimulatedMachine.Builder builder) {
        return new SimulatedBackend(builder.revision(OLD).build());
    }

    private static Map<Integer, CpuOutcome> outcomes(RendezvousReport report) {
        return report.results().stream().collect(Collectors.toMap(CpuResult::cpu, CpuResult::outcome));
    }

    private static void assertNothingApplied(SimulatedBackend backend) {
        assertThat(backend.machine().cpus()).allSatisfy(cpu -> assertThat(backend.machine().revision(cpu.index())).isEqualTo(OLD));
    }

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).toList();
    }

    /** The simulated backend, except that one CPU's thread cannot be pinned. */
    private static final class Unpinnable extends ForwardingBackend {
        private final int cpu;

        Unpinnable(SimulatedBackend backend, int cpu) {
            super(backend);
            this.cpu = cpu;
        }

        @Override
        public void pinCurrentThread(LogicalCpu target) throws ApplyException {
            if (target.index() == cpu) {
                throw new ApplyException("sched_setaffinity failed: no CPU affinity here", "check the cpuset");
            }
            super.pinCurrentThread(target);
        }
    }

    /** The simulated backend, except that no patch can be prepared. */
    private static final class Unpreparable extends ForwardingBackend {
        Unpreparable(SimulatedBackend backend) {
            super(backend);
        }

        @Override
        public void prepare(MicrocodePatch patch, LoadProtocol protocol) throws ApplyException {
            throw new ApplyException("cannot lock memory for the patch", "raise RLIMIT_MEMLOCK");
        }
    }
}
