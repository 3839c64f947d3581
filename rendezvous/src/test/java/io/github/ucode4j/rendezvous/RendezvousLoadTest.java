package io.github.ucode4j.rendezvous;

import static io.github.ucode4j.rendezvous.testing.Machines.RELAXED;
import static io.github.ucode4j.rendezvous.testing.Machines.loadEverywhere;
import static io.github.ucode4j.rendezvous.testing.Machines.machine;
import static io.github.ucode4j.rendezvous.testing.Machines.patchFor;
import static io.github.ucode4j.rendezvous.testing.Machines.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.rendezvous.simulated.ApplyLatency;
import io.github.ucode4j.rendezvous.simulated.ApplyRecord;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Loads that go as planned: who loads, who reports what, in which order. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RendezvousLoadTest {
    private static final Revision OLD = Revision.of(0x10);
    private static final Revision NEW = Revision.of(0x20);

    @Test
    void intelLoadsOneThreadPerCoreAndTheSiblingsReportTheirSiblingsLoad() {
        try (SimulatedBackend backend = new SimulatedBackend(machine(Vendor.INTEL, "1x4x2").revision(OLD).build())) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.aborted()).isFalse();
            for (CpuResult result : report.results()) {
                boolean primary = backend.machine().cpu(result.cpu()).isPrimaryThread();
                assertThat(result.outcome()).as(result.toString())
                        .isEqualTo(primary ? CpuOutcome.UPDATED : CpuOutcome.SIBLING_UPDATED);
                assertThat(result.before()).contains(OLD);
                assertThat(result.after()).contains(NEW);
            }
            assertThat(backend.machine().applyLog()).extracting(ApplyRecord::cpu).containsExactlyInAnyOrder(0, 1, 2, 3);
            assertThat(report.controlCpu()).hasValue(0);
            assertThat(report.stoppedWindow()).isPresent();
        }
    }

    @Test
    void amdLoadsEveryThread() {
        try (SimulatedBackend backend = new SimulatedBackend(machine(Vendor.AMD, "1x2x2").revision(OLD).build())) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.results()).extracting(CpuResult::outcome).containsOnly(CpuOutcome.UPDATED);
            assertThat(backend.machine().applyLog()).extracting(ApplyRecord::cpu).containsExactlyInAnyOrder(0, 1, 2, 3);
        }
    }

    @Test
    void aRepeatedLoadChangesNothingFindingIntelUpToDateAndAmdReloadingTheRunningRevision() {
        for (Vendor vendor : Vendor.values()) {
            try (SimulatedBackend backend = new SimulatedBackend(machine(vendor, "1x2x2").revision(OLD).build())) {
                Rendezvous rendezvous = new Rendezvous(backend, RELAXED);
                rendezvous.run(loadEverywhere(backend.machine(), NEW));
                int loadsBefore = backend.machine().applyLog().size();

                RendezvousReport again = rendezvous.run(loadEverywhere(backend.machine(), NEW));

                CpuOutcome expected = vendor.reappliesSameRevision() ? CpuOutcome.UPDATED : CpuOutcome.UP_TO_DATE;
                assertThat(again.results()).as(vendor.name()).extracting(CpuResult::outcome).containsOnly(expected);
                assertThat(again.results()).extracting(CpuResult::after).containsOnly(Optional.of(NEW));
                assertThat(backend.machine().applyLog().subList(loadsBefore, backend.machine().applyLog().size()))
                        .allSatisfy(load -> assertThat(load.after()).isEqualTo(load.before()));
            }
        }
    }

    @Test
    void theControlCpuFinishesBeforeAnyOtherCpuStarts() {
        SimulatedMachine.Builder builder = machine(Vendor.AMD, "2x4x2").revision(OLD)
                .latency(ApplyLatency.fixed(Duration.ofMillis(2)));
        try (SimulatedBackend backend = new SimulatedBackend(builder.build())) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            List<ApplyRecord> loads = backend.machine().applyLog();
            ApplyRecord control = loads.stream().filter(l -> l.cpu() == report.controlCpu().orElseThrow()).findFirst().orElseThrow();
            assertThat(loads).hasSize(16).allSatisfy(load -> {
                if (load != control) {
                    assertThat(load.startNanos()).isGreaterThan(control.endNanos());
                }
            });
        }
    }

    @Test
    void withoutTheControlStepEveryLoaderLoadsAtOnce() {
        try (SimulatedBackend backend = new SimulatedBackend(machine(Vendor.AMD, "1x4x2").revision(OLD).build())) {
            RendezvousReport report = new Rendezvous(backend, RELAXED.withControlFirst(false))
                    .run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.controlCpu()).isEmpty();
            assertThat(report.results()).extracting(CpuResult::outcome).containsOnly(CpuOutcome.UPDATED);
        }
    }

    @Test
    void mixedSteppingsLoadTheirOwnPatchesAndACpuWithNothingPlannedIsHeldOnly() {
        CpuSignature stepping4 = CpuSignature.of(0x00050654);
        CpuSignature stepping7 = CpuSignature.of(0x00050657);
        SimulatedMachine.Builder builder = machine(Vendor.INTEL, "2x2x1").revision(OLD).signature(stepping4);
        builder.signature(1, stepping7).signature(3, stepping7);
        try (SimulatedBackend backend = new SimulatedBackend(builder.build())) {
            SimulatedMachine m = backend.machine();
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(request(m, cpu -> cpu.index() == 2
                    ? Optional.empty()
                    : Optional.of(patchFor(m, cpu.index(), cpu.index() % 2 == 0 ? NEW : Revision.of(0x30)))));

            assertThat(report.results()).extracting(CpuResult::outcome).containsExactly(
                    CpuOutcome.UPDATED, CpuOutcome.UPDATED, CpuOutcome.NOT_ATTEMPTED, CpuOutcome.UPDATED);
            assertThat(List.of(m.revision(0), m.revision(1), m.revision(2), m.revision(3)))
                    .containsExactly(NEW, Revision.of(0x30), OLD, Revision.of(0x30));
        }
    }

    @Test
    void aPatchForAnotherSteppingIsRefusedHonestly() {
        SimulatedMachine.Builder builder = machine(Vendor.INTEL, "1x2x1").revision(OLD).signature(CpuSignature.of(0x00050654));
        builder.signature(1, CpuSignature.of(0x00050657));
        try (SimulatedBackend backend = new SimulatedBackend(builder.build())) {
            var wrong = patchFor(backend.machine(), 0, NEW);
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(request(backend.machine(), cpu -> Optional.of(wrong)));

            assertThat(report.result(0).orElseThrow().outcome()).isEqualTo(CpuOutcome.UPDATED);
            assertThat(report.result(1).orElseThrow().outcome()).isEqualTo(CpuOutcome.REFUSED);
            assertThat(report.result(1).orElseThrow().message()).contains("SIGNATURE_MISMATCH");
            assertThat(backend.machine().revision(1)).isEqualTo(OLD);
        }
    }

    @Test
    void aMachineWithNothingToLoadIsHeldAndReleased() {
        try (SimulatedBackend backend = new SimulatedBackend(machine(Vendor.INTEL, "1x2x2").revision(OLD).build())) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(request(backend.machine(), cpu -> Optional.empty()));

            assertThat(report.aborted()).isFalse();
            assertThat(report.controlCpu()).isEmpty();
            assertThat(report.results()).extracting(CpuResult::outcome).containsOnly(CpuOutcome.NOT_ATTEMPTED);
            assertThat(report.results()).extracting(CpuResult::after).containsOnly(Optional.of(OLD));
            assertThat(backend.machine().applyLog()).isEmpty();
        }
    }

    @Test
    void sixtyFourCpusOnASmallHostStillMeetTheirDeadlines() {
        SimulatedMachine.Builder builder = machine(Vendor.INTEL, "2x16x2").revision(OLD)
                .latency(new ApplyLatency(Duration.ofNanos(20_000), Duration.ofNanos(200_000)));
        try (SimulatedBackend backend = new SimulatedBackend(builder.build())) {
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(backend.machine(), NEW));

            assertThat(report.count(CpuOutcome.UPDATED)).isEqualTo(32);
            assertThat(report.count(CpuOutcome.SIBLING_UPDATED)).isEqualTo(32);
        }
    }
}
