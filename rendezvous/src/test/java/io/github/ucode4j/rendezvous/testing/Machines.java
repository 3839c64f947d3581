package io.github.ucode4j.rendezvous.testing;

import io.github.ucode4j.amd.AmdMicrocodeOps;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.intel.IntelMicrocodeOps;
import io.github.ucode4j.rendezvous.LoadAssignment;
import io.github.ucode4j.rendezvous.RendezvousOptions;
import io.github.ucode4j.rendezvous.RendezvousRequest;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.simulated.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Simulated machines and requests for the rendezvous tests. */
public final class Machines {
    /** Generous deadlines for runs expected to succeed on a busy two-core host; nothing waits them out. */
    public static final RendezvousOptions RELAXED = RendezvousOptions.DEFAULTS
            .withCallInTimeout(Duration.ofSeconds(10))
            .withProgressTimeout(Duration.ofSeconds(10));

    private Machines() {
    }

    /** A builder for a machine checked by {@link FixtureDriver}. */
    public static SimulatedMachine.Builder machine(Vendor vendor, String topology) {
        return SimulatedMachine.builder(vendor, Topology.parse(topology)).ops(new FixtureDriver(vendor));
    }

    /** The vendor's load protocol. */
    public static LoadProtocol protocol(Vendor vendor) {
        // The real drivers', not ServiceLoader's: these tests register FixtureDriver as the drivers.
        return (vendor == Vendor.INTEL ? new IntelMicrocodeOps() : new AmdMicrocodeOps()).loadProtocol();
    }

    /** The patch revision {@code revision} made for CPU {@code cpu} of {@code machine} (its signature and flags). */
    public static MicrocodePatch patchFor(SimulatedMachine machine, int cpu, Revision revision) {
        CpuState state = machine.state(cpu);
        return FixtureDriver.patch(machine.vendor(), state.signature().orElseThrow(), state.platformFlags().orElseThrow(), revision);
    }

    /** Every CPU of {@code machine} told to load revision {@code revision}, made for it. */
    public static RendezvousRequest loadEverywhere(SimulatedMachine machine, Revision revision) {
        return request(machine, cpu -> Optional.of(patchFor(machine, cpu.index(), revision)));
    }

    /** Every CPU of {@code machine} taking part, each with the patch {@code plan} gives it. */
    public static RendezvousRequest request(SimulatedMachine machine, Function<LogicalCpu, Optional<MicrocodePatch>> plan) {
        List<LoadAssignment> assignments = machine.cpus().stream()
                .map(cpu -> new LoadAssignment(cpu, plan.apply(cpu)))
                .toList();
        return new RendezvousRequest(protocol(machine.vendor()), assignments);
    }
}
