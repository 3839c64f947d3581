package io.github.ucode4j.rendezvous.simulated;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadAnswer;
import io.github.ucode4j.api.LoadEvidence;
import io.github.ucode4j.api.LoadJudge;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.PerCpuBackend;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@code simulated} apply backend: loads microcode into a {@link SimulatedMachine}, a machine in software
 * with fault injection. It is what the demo and the benchmarks run on, and what the rendezvous is tested with. It
 * is never chosen automatically ({@link #autoSelectable()} is false): name it ({@code -Ducode4j.backend=simulated}).
 *
 * <p>Like a real per-CPU backend it insists that each CPU is loaded and read from the thread pinned to it, and
 * its {@code apply} reads the revision, triggers the load and reads the revision again, and reports what
 * {@link LoadJudge} makes of what it read.
 *
 * <p>Built by {@link java.util.ServiceLoader} (the no-argument constructor), it simulates the machine these system
 * properties describe:
 * <ul>
 *   <li>{@code ucode4j.simulated.vendor}: {@code intel} (default) or {@code amd};
 *   <li>{@code ucode4j.simulated.topology}: sockets x cores x threads, default {@code 1x2x2};
 *   <li>{@code ucode4j.simulated.signature}: CPUID(1).EAX in hex, default {@code 0x000906ea} (Intel 06-9e-0a) or
 *       {@code 0x00a20f12} (AMD 19-21-02);
 *   <li>{@code ucode4j.simulated.platform-flags}: in hex, default {@code 0x02} on Intel, {@code 0} on AMD;
 *   <li>{@code ucode4j.simulated.revision}: the starting revision in hex, default {@code 0xb4} (Intel) or
 *       {@code 0x0a201009} (AMD);
 *   <li>{@code ucode4j.simulated.latency}: how long a load takes, in microseconds, {@code MIN-MAX} or one value,
 *       default {@code 20-80};
 *   <li>{@code ucode4j.simulated.seed}: the seed latencies are drawn from, default {@code 1};
 *   <li>{@code ucode4j.simulated.faults}: comma-separated {@code CPU:KIND[:MS]}, KIND one of
 *       {@code never-calls-in}, {@code slow-call-in} (MS late, default 100), {@code refuses},
 *       {@code hangs-in-apply}, {@code dies-in-apply}; default none.
 * </ul>
 * Patches are checked with the vendor's driver found on the class path.
 */
public final class SimulatedBackend implements PerCpuBackend, AutoCloseable {
    /** The backend's name. */
    public static final String NAME = "simulated";

    private final SimulatedMachine machine;
    private final AtomicReferenceArray<Thread> pinned;

    /**
     * The machine the {@code ucode4j.simulated.*} system properties describe.
     *
     * @throws IllegalArgumentException naming a property that cannot be read
     */
    public SimulatedBackend() {
        this(MachineProperties.machine(System.getProperties()));
    }

    /**
     * A backend for {@code machine}.
     *
     * @param machine the simulated machine to load; not null
     */
    public SimulatedBackend(SimulatedMachine machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.pinned = new AtomicReferenceArray<>(machine.topology().cpuCount());
    }

    /**
     * The machine this backend loads.
     *
     * @return the machine given at construction, or the one the system properties described
     */
    public SimulatedMachine machine() {
        return machine;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The lowest: the simulated machine is never preferred to anything real. */
    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Optional<String> unavailableReason() {
        return machine.checker().unavailableReason();
    }

    @Override
    public boolean autoSelectable() {
        return false;
    }

    @Override
    public Platform platform() {
        return machine.platform();
    }

    /** Parses the patch with the vendor's driver now, so that loads inside the stopped window need not. */
    @Override
    public void prepare(MicrocodePatch patch, LoadProtocol protocol) {
        machine.checker().prepare(patch);
    }

    /**
     * Binds the calling thread to {@code cpu}. A CPU that never calls in holds the thread here until the machine
     * is closed, then fails; a slow one holds it for its delay.
     */
    @Override
    public void pinCurrentThread(LogicalCpu cpu) throws ApplyException {
        int index = existing(cpu);
        Fault fault = machine.faultOrNull(index);
        if (fault != null && fault.kind() == Fault.Kind.NEVER_CALLS_IN) {
            machine.holdUntilClosed();
            throw failure(index, "CPU " + index + " never came to run the thread (simulated fault)");
        }
        if (fault != null && fault.kind() == Fault.Kind.SLOW_CALL_IN) {
            sleep(index, fault);
        }
        pinned.set(index, Thread.currentThread());
    }

    @Override
    public CpuResult apply(LogicalCpu cpu, MicrocodePatch patch, LoadProtocol protocol) {
        long start = System.nanoTime();
        int index = cpu.index();
        if (index >= pinned.length() || pinned.get(index) != Thread.currentThread()) {
            return result(index, CpuOutcome.FAILED, Optional.empty(), Optional.empty(),
                    "the calling thread is not pinned to CPU " + index);
        }
        Fault fault = machine.faultOrNull(index);
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.DIES_IN_APPLY) {
            throw new InternalError("the thread loading CPU " + index + " died (simulated fault)");
        }
        if (kind == Fault.Kind.HANGS_IN_APPLY) {
            machine.holdUntilClosed();
            return result(index, CpuOutcome.FAILED, Optional.empty(), Optional.empty(),
                    "the load hung (simulated fault) until the machine was closed");
        }
        Revision before = machine.revision(index);
        busy(machine.nextLatencyNanos(index));
        boolean triggered = machine.vendor().wouldLoad(before, patch.revision());
        String refusal = triggered ? trigger(index, patch, kind) : "";
        Revision after = machine.revision(index);
        CpuResult result = LoadJudge.judge(LoadEvidence.of(index, machine.vendor(), before, after, patch.revision(),
                triggered ? LoadAnswer.RETURNED : LoadAnswer.NOT_ATTEMPTED, refusal));
        machine.record(new ApplyRecord(index, start, System.nanoTime(), before, after, triggered, result.outcome()));
        return result;
    }

    // Returns why the engine would keep its revision, or "" when it takes the patch.
    private String trigger(int index, MicrocodePatch patch, Fault.Kind kind) {
        if (kind == Fault.Kind.REFUSES) {
            return "a simulated fault";
        }
        PatchChecker.Result check = machine.checker().check(patch, machine.state(index));
        if (check.accepted().isEmpty()) {
            return "the simulated CPU rejected the patch: " + check.reason();
        }
        return machine.load(index, check.accepted().get().revision()) ? "" : "the vendor's rule kept the running revision";
    }

    @Override
    public Revision readRevision(LogicalCpu cpu, LoadProtocol protocol) throws ApplyException {
        int index = existing(cpu);
        if (pinned.get(index) != Thread.currentThread()) {
            throw failure(index, "the calling thread is not pinned to CPU " + index);
        }
        return machine.revision(index);
    }

    /** Closes the machine, releasing every thread a fault holds. */
    @Override
    public void close() {
        machine.close();
    }

    private int existing(LogicalCpu cpu) throws ApplyException {
        if (cpu.index() >= pinned.length()) {
            throw failure(cpu.index(), "the simulated machine has no CPU " + cpu.index());
        }
        return cpu.index();
    }

    private static void sleep(int index, Fault fault) throws ApplyException {
        try {
            Thread.sleep(fault.delay().toMillis(), fault.delay().toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(index, "interrupted while calling in late (simulated fault)");
        }
    }

    // A load keeps its CPU busy: spin rather than sleep, as the real instruction does not give the CPU away.
    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    private static ApplyException failure(int index, String message) {
        return new ApplyException(message, OptionalInt.of(index), OptionalInt.empty(), "", null);
    }

    private static CpuResult result(int index, CpuOutcome outcome, Optional<Revision> before, Optional<Revision> after,
                                    String message) {
        return new CpuResult(index, outcome, before, after, OptionalInt.empty(), message);
    }
}
