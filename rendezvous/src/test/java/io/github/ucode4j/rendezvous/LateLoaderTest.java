package io.github.ucode4j.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.api.host.HostLock;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.spi.SystemBackend;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.rendezvous.simulated.Fault;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.testing.Machines;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LateLoaderTest {
    private static final Revision OLD = Revision.of(0xb4);
    private static final Revision MID = Revision.of(0xc0);
    private static final Revision NEW = Revision.of(0xf6);
    private static final Revision NEWER = Revision.of(0x100);

    @TempDir
    Path run;

    private LateLoaderOptions options() {
        return LateLoaderOptions.DEFAULTS.withRunDirectory(run).withRendezvous(Machines.RELAXED);
    }

    private static MicrocodeDrivers drivers(Vendor vendor) {
        return MicrocodeDrivers.of(List.of(new FixtureDriver(vendor)));
    }

    private static MicrocodeCache cacheFor(SimulatedMachine machine, Revision revision) throws MicrocodeFormatException {
        MicrocodePatch patch = Machines.patchFor(machine, 0, revision);
        return MicrocodeCache.builder().add(new Bundle("firmware", machine.vendor(), List.of(patch), List.of())).build();
    }

    private static LoadReport planAndLoad(LateLoader loader, MicrocodeCache cache, PlanPolicy policy) throws Exception {
        return loader.load(loader.plan(cache, policy), PatchSource.of(cache));
    }

    @Test
    void aDryRunPlansAndChangesNothing() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(OLD).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.INTEL), options());
            LoadPlan plan = loader.plan(cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(plan.verdicts()).hasSize(4).allSatisfy(v -> assertThat(v.kind()).isEqualTo(VerdictKind.UPDATE));
            assertThat(machine.applyLog()).isEmpty();
            assertThat(machine.revision(0)).isEqualTo(OLD);
        }
    }

    @Test
    void loadsThroughTheRendezvousAndReportsWhatEachCpuRunsNow() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "2x2x2").revision(OLD).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.INTEL), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(report.succeeded()).isTrue();
            assertThat(report.consistent()).isTrue();
            assertThat(report.counts()).containsEntry(CpuOutcome.UPDATED, 4L).containsEntry(CpuOutcome.SIBLING_UPDATED, 4L);
            assertThat(report.cpus()).allSatisfy(c -> {
                assertThat(c.before()).contains(OLD);
                assertThat(c.after()).contains(NEW);
            });
            assertThat(report.stoppedWindow()).isPresent();
            assertThat(report.forced()).isFalse();

            LoadReport again = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(again.counts()).containsOnlyKeys(CpuOutcome.UP_TO_DATE);
            assertThat(again.rendezvous()).isEmpty();
            assertThat(again.succeeded()).isTrue();
        }
    }

    @Test
    void afterAPerCpuLoadEachCpuRunsWhatTheRendezvousReadOnItNotWhatAStalePlatformSays() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(OLD).build()) {
            StalePlatform backend = new StalePlatform(new SimulatedBackend(machine));
            LateLoader loader = new LateLoader(backend, drivers(Vendor.INTEL), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);

            assertThat(backend.platform().cpus()).allSatisfy(c -> assertThat(c.state().revision()).as("stale").contains(OLD));
            assertThat(report.counts()).containsEntry(CpuOutcome.UPDATED, 2L).containsEntry(CpuOutcome.SIBLING_UPDATED, 2L);
            assertThat(report.cpus()).allSatisfy(c -> assertThat(c.after()).contains(NEW));
            assertThat(report.after().cpus()).allSatisfy(c -> {
                assertThat(c.state().revision()).contains(NEW);
                assertThat(c.sourceOf(Fact.REVISION)).isEqualTo(LoadReport.READ_BACK_BY_RENDEZVOUS);
            });
            assertThat(report.consistent()).isTrue();
            assertThat(report.afterRevisionSources()).containsExactly(Map.entry(LoadReport.READ_BACK_BY_RENDEZVOUS, List.of(0, 1, 2, 3)));
        }
    }

    @Test
    void aCpuTheRendezvousCouldNotReadFallsBackToThePlatformAndSaysSo() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(OLD).build()) {
            ForwardingBackend unreadable = new ForwardingBackend(new SimulatedBackend(machine)) {
                @Override
                public Revision readRevision(LogicalCpu cpu, LoadProtocol protocol) throws ApplyException {
                    if (cpu.index() == 3) {
                        throw new ApplyException("cannot read MSR 0x8B on CPU 3", "");
                    }
                    return super.readRevision(cpu, protocol);
                }
            };
            LateLoader loader = new LateLoader(unreadable, drivers(Vendor.INTEL), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);

            assertThat(report.cpus().get(3).after()).contains(NEW);
            assertThat(report.after().cpu(3).orElseThrow().sourceOf(Fact.REVISION)).isEqualTo(SimulatedBackend.NAME);
            assertThat(report.afterRevisionSources()).containsEntry(LoadReport.READ_BACK_BY_RENDEZVOUS, List.of(0, 1, 2))
                    .containsEntry(SimulatedBackend.NAME, List.of(3));
        }
    }

    @Test
    void aRefusingCoreMakesAnHonestPartialAndInconsistentReport() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.AMD, "1x4x1").revision(OLD).fault(2, Fault.refuses()).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.AMD), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(report.succeeded()).isFalse();
            assertThat(report.consistent()).isFalse();
            assertThat(report.cpus().get(2).outcome()).isEqualTo(CpuOutcome.REFUSED);
            assertThat(report.cpus().get(2).after()).contains(OLD);
            assertThat(report.cpus().get(3).outcome()).isEqualTo(CpuOutcome.UPDATED);
        }
    }

    @Test
    void forcingIsRecordedInTheReport() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.AMD, "1x2x1").revision(NEW).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.AMD), options());
            MicrocodeCache cache = cacheFor(machine, NEW);
            LoadPlan plan = loader.plan(cache, new PlanPolicy(true, false));
            assertThat(plan.verdicts()).allSatisfy(v -> assertThat(v.kind()).isEqualTo(VerdictKind.UPDATE));
            LoadReport report = loader.load(plan, PatchSource.of(cache));
            assertThat(report.forced()).isTrue();
        }
    }

    @Test
    void aRevisionThatMovedSinceThePlanIsRefusedAndNothingIsApplied() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.AMD, "1x4x1").revision(OLD).build()) {
            SimulatedBackend backend = new SimulatedBackend(machine);
            LateLoader loader = new LateLoader(backend, drivers(Vendor.AMD), options());
            MicrocodeCache cache = cacheFor(machine, NEW);
            LoadPlan plan = loader.plan(cache, PlanPolicy.SAFE);
            // Another tool loads CPU 3 while the plan waits for its confirmation.
            new Rendezvous(backend, Machines.RELAXED).run(Machines.request(machine,
                    cpu -> cpu.index() == 3 ? Optional.of(Machines.patchFor(machine, 3, MID)) : Optional.empty()));

            assertThatThrownBy(() -> loader.load(plan, PatchSource.of(cache))).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("nothing was applied")
                    .hasMessageContaining("CPU 3 now runs " + MID + ", the plan saw " + OLD)
                    .hasMessageEndingWith("plan again");
            assertThat(machine.applyLog()).hasSize(1);
            assertThat(machine.cpus()).allSatisfy(cpu -> assertThat(machine.revision(cpu.index())).isEqualTo(cpu.index() == 3 ? MID : OLD));
        }
    }

    @Test
    void patchesThatChangedSinceThePlanAreRefusedAndNothingIsApplied() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(OLD).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.INTEL), options());
            LoadPlan plan = loader.plan(cacheFor(machine, NEW), PlanPolicy.SAFE);

            assertThatThrownBy(() -> loader.load(plan, () -> cacheFor(machine, NEWER))).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("nothing was applied")
                    .hasMessageContaining("CPU 0 would now get UPDATE to INTEL rev " + NEWER)
                    .hasMessageContaining("the plan chose UPDATE to INTEL rev " + NEW)
                    .hasMessageEndingWith("plan again");
            assertThat(machine.applyLog()).isEmpty();
        }
    }

    @Test
    void patchesReadAgainUnchangedUnderTheLockAreLoaded() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(OLD).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.INTEL), options());
            List<Boolean> lockHeldWhileRead = new ArrayList<>();
            PatchSource files = () -> {
                lockHeldWhileRead.add(lockHeld());
                return cacheFor(machine, NEW);
            };
            LoadReport report = loader.load(loader.plan(files.read(), PlanPolicy.SAFE), files);

            assertThat(lockHeldWhileRead).containsExactly(false, true);
            assertThat(report.succeeded()).isTrue();
            assertThat(machine.revision(0)).isEqualTo(NEW);
        }
    }

    @Test
    void patchesThatCannotBeReadAgainAreRefused() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(OLD).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.INTEL), options());
            LoadPlan plan = loader.plan(cacheFor(machine, NEW), PlanPolicy.SAFE);
            PatchSource gone = () -> {
                throw new MicrocodeFormatException(InputRule.UNREADABLE, "firmware/06-9e-0a", 0, "no such file or directory");
            };

            assertThatThrownBy(() -> loader.load(plan, gone)).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("nothing was applied").hasMessageContaining("firmware/06-9e-0a");
            assertThat(machine.applyLog()).isEmpty();
        }
    }

    private boolean lockHeld() {
        try (HostLock lock = LateLoader.lockHost(run)) {
            return false;
        } catch (ApplyException e) {
            return true;
        }
    }

    @Test
    void aSecondLoaderFailsFastWhileTheFirstHoldsTheHostLock() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x1x1").revision(OLD).build();
             HostLock held = LateLoader.lockHost(run)) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.INTEL), options());
            MicrocodeCache cache = cacheFor(machine, NEW);
            LoadPlan plan = loader.plan(cache, PlanPolicy.SAFE);
            long start = System.nanoTime();
            assertThatThrownBy(() -> loader.load(plan, PatchSource.of(cache))).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("another microcode load is running on this host")
                    .hasMessageContaining("by process " + ProcessHandle.current().pid());
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(2));
            assertThat(machine.applyLog()).isEmpty();
        }
        // Released: the next load may run.
        try (HostLock again = LateLoader.lockHost(run)) {
            assertThat(run.resolve(LateLoader.LOCK_FILE)).exists();
        }
    }

    @Test
    void aSystemBackendIsHandedThePlannedPatchAndItsAnswerIsCheckedAgainstTheReadBack() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.AMD, "1x2x1").revision(OLD).build()) {
            RecordingSystem system = new RecordingSystem(machine, new SystemResult(SystemOutcome.LOADED, OptionalInt.empty(), "loaded"));
            LateLoader loader = new LateLoader(system, drivers(Vendor.AMD), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(system.options.plannedPatch()).isPresent();
            assertThat(system.blob.remaining()).isEqualTo(system.options.plannedPatch().get().size());
            // The simulated "kernel" said LOADED but nothing moved: the read-back wins.
            assertThat(report.cpus()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(CpuOutcome.REFUSED));
            assertThat(report.system()).isPresent();
        }
    }

    @Test
    void anAmdReloadOfTheRunningRevisionThroughTheSimulatedMachineUpdatesEveryCpuAsThroughMsr() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.AMD, "1x2x1").revision(NEW).build()) {
            LateLoader loader = new LateLoader(new SimulatedBackend(machine), drivers(Vendor.AMD), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(report.cpus()).allSatisfy(c -> {
                assertThat(c.outcome()).isEqualTo(CpuOutcome.UPDATED);
                assertThat(c.message()).contains("reloaded revision " + NEW + ", the revision it already ran");
            });
            assertThat(report.succeeded()).isTrue();
        }
    }

    @Test
    void aSystemLoaderThatDidNotAnswerInTimeLeavesEveryUnmovedCpuTimedOutAsTheRendezvousDoes() throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x1").revision(OLD).build()) {
            RecordingSystem system = new RecordingSystem(machine, new SystemResult(SystemOutcome.TIMED_OUT, OptionalInt.empty(),
                    "the loader did not answer within PT1S"));
            LateLoader loader = new LateLoader(system, drivers(Vendor.INTEL), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(report.cpus()).allSatisfy(c -> {
                assertThat(c.outcome()).isEqualTo(CpuOutcome.TIMED_OUT);
                assertThat(c.message()).contains("did not answer within PT1S");
            });
        }
    }

    @Test
    void aSystemLoaderThatSaysUpToDateLeavesEveryCpuUpToDate() throws Exception {
        // AMD plans a reload of the running revision; Xen answers EEXIST once it has that revision cached.
        try (SimulatedMachine machine = Machines.machine(Vendor.AMD, "1x2x1").revision(NEW).build()) {
            RecordingSystem system = new RecordingSystem(machine, new SystemResult(SystemOutcome.UP_TO_DATE, OptionalInt.of(17), "up to date"));
            LateLoader loader = new LateLoader(system, drivers(Vendor.AMD), options());
            LoadReport report = planAndLoad(loader, cacheFor(machine, NEW), PlanPolicy.SAFE);
            assertThat(report.cpus()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(CpuOutcome.UP_TO_DATE));
            assertThat(report.succeeded()).isTrue();
        }
    }

    /**
     * A per-CPU backend whose platform keeps the revisions it first read, as sysfs does on Intel after a load
     * through the msr device.
     */
    private static final class StalePlatform extends ForwardingBackend {
        private Platform first;

        StalePlatform(SimulatedBackend backend) {
            super(backend);
        }

        @Override
        public synchronized Platform platform() throws IOException {
            if (first == null) {
                first = super.platform();
            }
            return first;
        }
    }

    /** A system backend that records what it was given and answers as told, changing nothing. */
    private static final class RecordingSystem implements SystemBackend {
        private final SimulatedMachine machine;
        private final SystemResult answer;
        ByteBuffer blob;
        ApplyOptions options;

        RecordingSystem(SimulatedMachine machine, SystemResult answer) {
            this.machine = machine;
            this.answer = answer;
        }

        @Override
        public SystemResult applySystem(ByteBuffer blob, ApplyOptions options) {
            this.blob = blob;
            this.options = options;
            return answer;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public Platform platform() {
            return machine.platform();
        }
    }
}
