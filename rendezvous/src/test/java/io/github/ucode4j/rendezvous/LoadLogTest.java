package io.github.ucode4j.rendezvous;

import static io.github.ucode4j.rendezvous.testing.Machines.RELAXED;
import static io.github.ucode4j.rendezvous.testing.Machines.loadEverywhere;
import static io.github.ucode4j.rendezvous.testing.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.rendezvous.simulated.Fault;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.testing.Machines;
import io.github.ucode4j.testing.LogCapture;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The late loader's decisions and the rendezvous's phases, deadlines and results are logged at DEBUG. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoadLogTest {
    private static final Revision OLD = Revision.of(0xb4);
    private static final Revision NEW = Revision.of(0xf6);

    @TempDir
    Path run;

    private final LogCapture loader = LogCapture.of(LateLoader.class);
    private final LogCapture rendezvous = LogCapture.of(Rendezvous.class);

    @AfterEach
    void stopCapturing() {
        loader.close();
        rendezvous.close();
    }

    @Test
    void aLoadLogsTheLockThePlanCheckTheRendezvousAndTheOutcome() throws Exception {
        try (SimulatedMachine machine = machine(Vendor.INTEL, "2x2x2").revision(OLD).build()) {
            MicrocodePatch patch = Machines.patchFor(machine, 0, NEW);
            MicrocodeCache cache = MicrocodeCache.builder().add(new Bundle("firmware", Vendor.INTEL, List.of(patch), List.of())).build();
            LateLoader late = new LateLoader(new SimulatedBackend(machine), MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL))),
                    LateLoaderOptions.DEFAULTS.withRunDirectory(run).withRendezvous(RELAXED));

            late.load(late.plan(cache, PlanPolicy.SAFE), PatchSource.of(cache));

            assertThat(loader.lines()).containsExactly(
                    "DEBUG took the host-wide lock " + run.resolve(LateLoader.LOCK_FILE),
                    "DEBUG the plan made again under the lock is unchanged",
                    "DEBUG loading 1 patches on 8 CPUs through the rendezvous",
                    "DEBUG load on the simulated backend succeeded, consistent: UPDATED 4, SIBLING_UPDATED 4");
            List<String> phases = rendezvous.messages(Level.DEBUG);
            assertThat(phases).hasSize(2);
            assertThat(phases.get(0)).isEqualTo("rendezvous of 8 CPUs on the simulated backend: 4 load, control CPU 0 "
                    + "first; call-in deadline 10000 ms, load deadline 10000 ms each");
            assertThat(phases.get(1)).matches("rendezvous ended: every CPU called in after \\d+ ms, the window lasted \\d+ ms; "
                    + "UPDATED on CPUs 0-3, SIBLING_UPDATED on CPUs 4-7");
        }
    }

    @Test
    void aCpuThatTimedOutIsNamed() throws Exception {
        try (SimulatedBackend backend = new SimulatedBackend(machine(Vendor.AMD, "1x2x1").revision(OLD).fault(1, Fault.hangsInApply()).build())) {
            new Rendezvous(backend, RELAXED.withProgressTimeout(Duration.ofMillis(200))).run(loadEverywhere(backend.machine(), NEW));

            assertThat(rendezvous.messages(Level.DEBUG)).anyMatch(line -> line.startsWith("CPU 1 timed out: "));
            assertThat(rendezvous.messages(Level.DEBUG).get(0)).endsWith("load deadline 200 ms each");
        }
    }

    @Test
    void anAbortedRendezvousSaysWhyAndThatNothingWasApplied() throws Exception {
        try (SimulatedBackend backend = new SimulatedBackend(machine(Vendor.AMD, "1x2x1").revision(OLD).fault(1, Fault.neverCallsIn()).build())) {
            new Rendezvous(backend, RELAXED.withCallInTimeout(Duration.ofMillis(200))).run(loadEverywhere(backend.machine(), NEW));

            assertThat(rendezvous.messages(Level.DEBUG)).last().asString()
                    .startsWith("rendezvous aborted, nothing applied (CALL_IN_TIMEOUT): ");
        }
    }
}
