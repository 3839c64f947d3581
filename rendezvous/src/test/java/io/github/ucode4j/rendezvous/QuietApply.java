package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.testing.Machines;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole apply on a simulated machine, as an embedder with no logging configuration runs it: the backend chosen,
 * the plan made, the load through the rendezvous, the report. Run in a JVM of its own by {@link SilentByDefaultTest};
 * it prints nothing itself and exits 0 when every CPU updated.
 */
public final class QuietApply {
    private QuietApply() {
    }

    /** {@code args[0]}: the run directory for the host-wide lock. */
    public static void main(String[] args) throws Exception {
        try (SimulatedMachine machine = Machines.machine(Vendor.INTEL, "1x2x2").revision(Revision.of(0xb4)).build()) {
            ApplyBackend backend = ApplyBackends.of(List.of(new SimulatedBackend(machine))).select(Optional.of("simulated"));
            MicrocodeCache cache = MicrocodeCache.builder().add(new Bundle("firmware", Vendor.INTEL,
                    List.of(Machines.patchFor(machine, 0, Revision.of(0xf6))), List.of())).build();
            LateLoader loader = new LateLoader(backend, MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL))),
                    LateLoaderOptions.DEFAULTS.withRunDirectory(Path.of(args[0])).withRendezvous(Machines.RELAXED));
            LoadReport report = loader.load(loader.plan(cache, PlanPolicy.SAFE), PatchSource.of(cache));
            if (!report.succeeded()) {
                throw new AssertionError("the load did not succeed: " + report.counts());
            }
        }
    }
}
