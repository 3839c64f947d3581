package io.github.ucode4j.bench;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.intel.IntelMicrocodeOps;
import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.rendezvous.LoadAssignment;
import io.github.ucode4j.rendezvous.Rendezvous;
import io.github.ucode4j.rendezvous.RendezvousOptions;
import io.github.ucode4j.rendezvous.RendezvousReport;
import io.github.ucode4j.rendezvous.RendezvousRequest;
import io.github.ucode4j.rendezvous.simulated.ApplyLatency;
import io.github.ucode4j.rendezvous.simulated.ApplyRecord;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.simulated.Topology;
import java.time.Duration;
import java.util.List;

/**
 * A rendezvous on every CPU of a {@link PinnedHost}, with really pinned threads and loads that take no time, so
 * that what it measures is the rendezvous's own cost. The simulated machine has one single-threaded Intel core per
 * host CPU: every CPU loads, the lowest first and alone, then the others in parallel. Library default timeouts.
 *
 * <p>Each request carries a patch one revision newer than the last, so that every run really updates every
 * engine (an Intel CPU takes only a strictly newer revision) and all runs do the same work.
 */
final class PinnedRig implements Subject {
    private final RendezvousOptions.Spinning spinning;
    private final SimulatedMachine machine;
    private final PinnedBackend backend;
    private final Rendezvous rendezvous;
    private final CpuSignature signature;
    private final int platformMask;
    private int revision;
    private int appliesSeen;

    PinnedRig(PinnedHost host, RendezvousOptions.Spinning spinning) {
        this.spinning = spinning;
        this.machine = SimulatedMachine.builder(Vendor.INTEL, new Topology(1, host.cpus().size(), 1))
                .latency(ApplyLatency.NONE)
                .build();
        this.backend = new PinnedBackend(new SimulatedBackend(machine), host);
        this.rendezvous = new Rendezvous(backend, RendezvousOptions.DEFAULTS.withSpinning(spinning));
        this.signature = machine.state(0).signature().orElseThrow();
        this.platformMask = machine.state(0).platformFlags().orElseThrow().mask();
        this.revision = machine.revision(0).value();
    }

    /** The spinning mode. */
    @Override
    public String name() {
        return spinning.name();
    }

    /** A request for every CPU to load the next revision; built outside any measurement. */
    RendezvousRequest nextRequest() {
        revision++;
        MicrocodePatch patch = IntelPatchBuilder.patch().signature(signature).platformFlags(platformMask)
                .revision(revision).buildPatch("revision " + revision);
        List<LoadAssignment> assignments = machine.cpus().stream().map(cpu -> LoadAssignment.load(cpu, patch)).toList();
        return new RendezvousRequest(new IntelMicrocodeOps().loadProtocol(), assignments);
    }

    /** One whole rendezvous. */
    RendezvousReport run(RendezvousRequest request) {
        return rendezvous.run(request);
    }

    @Override
    public Sample runOnce() {
        RendezvousReport report = run(nextRequest());
        boolean complete = !report.aborted() && report.count(CpuOutcome.UPDATED) == machine.topology().cpuCount();
        long window = report.stoppedWindow().map(Duration::toNanos).orElse(-1L);
        return new Sample(report.callIn().toNanos(), window, applyNanosOfLastRun(), complete);
    }

    // The control CPU (CPU 0) applied alone, then the others at once: the window waited for the control CPU's apply
    // and then for the longest of the others.
    private long applyNanosOfLastRun() {
        List<ApplyRecord> log = machine.applyLog();
        long control = 0;
        long longestOther = 0;
        for (ApplyRecord apply : log.subList(appliesSeen, log.size())) {
            long nanos = apply.endNanos() - apply.startNanos();
            if (apply.cpu() == 0) {
                control = nanos;
            } else {
                longestOther = Math.max(longestOther, nanos);
            }
        }
        appliesSeen = log.size();
        return control + longestOther;
    }

    @Override
    public void close() {
        backend.close();
    }
}
