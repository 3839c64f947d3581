package io.github.ucode4j.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.rendezvous.simulated.ApplyLatency;
import io.github.ucode4j.rendezvous.simulated.Fault;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.simulated.Topology;
import io.github.ucode4j.rendezvous.testing.Machines;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * For any seeded machine, plan and faults: every CPU gets exactly one result; a CPU is reported UPDATED or
 * SIBLING_UPDATED exactly when its revision moved or it was asked to load the revision it runs and the request
 * reached it, as AMD's loaders reload it (leaving aside CPUs whose load failed, timed out or may still land, whose
 * revision is unknown); an aborted run applies nothing.
 */
class RendezvousPropertyTest {
    private static final Revision START = Revision.of(0x100);
    private static final Set<CpuOutcome> MOVED = Set.of(CpuOutcome.UPDATED, CpuOutcome.SIBLING_UPDATED);
    private static final Set<CpuOutcome> UNSETTLED = Set.of(CpuOutcome.FAILED, CpuOutcome.TIMED_OUT, CpuOutcome.UNKNOWN);
    // Short enough for many tries, long enough that a load does not land after its deadline on a busy host.
    private static final RendezvousOptions OPTIONS = RendezvousOptions.DEFAULTS
            .withCallInTimeout(Duration.ofMillis(200))
            .withProgressTimeout(Duration.ofMillis(300));

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyCpuGetsOneHonestResultAndAnAbortAppliesNothing() {
        Properties.forAll("rendezvous results are complete and honest", (Generator<Scenario>) RendezvousPropertyTest::scenario, scenario -> {
            try (SimulatedBackend backend = new SimulatedBackend(scenario.machine())) {
                SimulatedMachine machine = backend.machine();
                List<Revision> before = revisions(machine);
                RendezvousReport report = new Rendezvous(backend, OPTIONS.withControlFirst(scenario.controlFirst()))
                        .run(Machines.request(machine, cpu -> Optional.ofNullable(scenario.plan().get(cpu.index()))));
                List<Revision> after = revisions(machine);

                assertThat(report.results()).extracting(CpuResult::cpu)
                        .containsExactlyElementsOf(machine.cpus().stream().map(LogicalCpu::index).toList());
                for (CpuResult result : report.results()) {
                    boolean moved = !before.get(result.cpu()).equals(after.get(result.cpu()));
                    boolean took = moved || reloadedTheRunningRevision(machine, scenario.plan().get(result.cpu()), result.cpu());
                    if (!UNSETTLED.contains(result.outcome())) {
                        assertThat(took).as("revision moved or reloaded on CPU %d reported %s", result.cpu(), result)
                                .isEqualTo(MOVED.contains(result.outcome()));
                    }
                }
                if (report.aborted()) {
                    assertThat(after).as("revisions after an abort: " + report.abort()).isEqualTo(before);
                }
            }
        });
    }

    private static List<Revision> revisions(SimulatedMachine machine) {
        return machine.cpus().stream().map(cpu -> machine.revision(cpu.index())).toList();
    }

    /** A machine with faults, a plan, and the ordering. */
    private static boolean reloadedTheRunningRevision(SimulatedMachine machine, MicrocodePatch planned, int cpu) {
        return planned != null && machine.applyLog().stream().anyMatch(load -> load.cpu() == cpu && load.triggered()
                && load.before().equals(planned.revision()) && load.after().equals(planned.revision()));
    }

    record Scenario(SimulatedMachine machine, Map<Integer, MicrocodePatch> plan, boolean controlFirst, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static Scenario scenario(SplittableRandom random) {
        Vendor vendor = random.nextBoolean() ? Vendor.INTEL : Vendor.AMD;
        Topology topology = new Topology(random.nextInt(1, 3), random.nextInt(1, 5), random.nextInt(1, 3));
        SimulatedMachine.Builder builder = Machines.machine(vendor, topology.toString()).revision(START)
                .seed(random.nextLong())
                .latency(new ApplyLatency(Duration.ZERO, Duration.ofNanos(random.nextInt(0, 50_000))));
        List<LogicalCpu> cpus = topology.cpus();
        // Mixed steppings: the second socket may run another stepping.
        boolean mixed = random.nextBoolean();
        for (LogicalCpu cpu : cpus) {
            if (mixed && cpu.packageId() == 1) {
                builder.signature(cpu.index(), CpuSignature.of(0x000906eb));
            }
        }
        List<String> faults = new ArrayList<>();
        int faultCount = random.nextInt(10) < 7 ? 0 : random.nextInt(1, 3);
        for (int i = 0; i < faultCount; i++) {
            int cpu = random.nextInt(cpus.size());
            Fault fault = fault(random);
            builder.fault(cpu, fault);
            faults.add(cpu + ":" + fault.kind());
        }
        SimulatedMachine machine = builder.build();
        Map<Integer, MicrocodePatch> plan = plan(machine, random);
        boolean controlFirst = random.nextInt(4) > 0;
        String description = vendor + " " + topology + (mixed ? " mixed" : "") + " faults " + faults + " plan "
                + plan.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().revision()).collect(Collectors.joining(","))
                + (controlFirst ? "" : " all-parallel");
        return new Scenario(machine, plan, controlFirst, description);
    }

    // Hangs and missing CPUs each cost a deadline, so they are rarer than the cheap faults.
    private static Fault fault(SplittableRandom random) {
        int pick = random.nextInt(20);
        if (pick < 6) {
            return Fault.refuses();
        }
        if (pick < 11) {
            return Fault.diesInApply();
        }
        if (pick < 17) {
            return Fault.slowCallIn(Duration.ofMillis(random.nextInt(0, 30)));
        }
        return pick < 19 ? Fault.hangsInApply() : Fault.neverCallsIn();
    }

    // Per engine (a core on Intel, a thread on AMD): a newer patch, the same revision, an older one, a patch for
    // another stepping, or nothing.
    private static Map<Integer, MicrocodePatch> plan(SimulatedMachine machine, SplittableRandom random) {
        Map<Integer, MicrocodePatch> byEngine = new HashMap<>();
        Map<Integer, MicrocodePatch> plan = new HashMap<>();
        for (LogicalCpu cpu : machine.cpus()) {
            int engine = machine.vendor() == Vendor.INTEL ? cpu.smtSiblings().get(0) : cpu.index();
            if (!byEngine.containsKey(engine)) {
                byEngine.put(engine, patchChoice(machine, engine, random));
            }
            Optional.ofNullable(byEngine.get(engine)).ifPresent(p -> plan.put(cpu.index(), p));
        }
        return plan;
    }

    private static MicrocodePatch patchChoice(SimulatedMachine machine, int cpu, SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1 -> Machines.patchFor(machine, cpu, START);
            case 2 -> Machines.patchFor(machine, cpu, Revision.of(START.value() - 1));
            case 3 -> Machines.patchFor(machine, (cpu + 1) % machine.cpus().size(), Revision.of(0x200));
            default -> Machines.patchFor(machine, cpu, Revision.of(0x200));
        };
    }
}
