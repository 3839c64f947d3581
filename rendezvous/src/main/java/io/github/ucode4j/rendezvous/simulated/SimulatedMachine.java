package io.github.ucode4j.rendezvous.simulated;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A machine in software: a topology of logical CPUs, each with a vendor, signature and platform flags, and a
 * microcode engine per core (Intel: SMT siblings share it) or per thread (AMD). An engine takes a patch only when
 * the vendor's driver parses its bytes and matches it to the CPU, and the vendor's rule allows its revision
 * (Intel strictly newer, AMD the same or newer). Faults can be injected per CPU; load latencies are drawn from a
 * seed, so a run replays. {@link SimulatedBackend} drives it as an apply backend.
 *
 * <p>Thread-safe. {@link #close()} releases every thread held by a fault.
 */
public final class SimulatedMachine implements AutoCloseable {
    // A thread held by a fault is released by close(); this bound frees it even if nobody ever closes the machine.
    private static final long LONGEST_HOLD_MINUTES = 10;

    private final Vendor vendor;
    private final Topology topology;
    private final List<LogicalCpu> cpus;
    private final CpuSignature[] signatures;
    private final PlatformFlags[] platformFlags;
    private final MicrocodeEngine[] engines;
    private final Fault[] faults;
    private final SplittableRandom[] latencyRandom;
    private final ApplyLatency latency;
    private final long seed;
    private final PatchChecker checker;
    private final ConcurrentLinkedQueue<ApplyRecord> log = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private SimulatedMachine(Builder b) {
        this.vendor = b.vendor;
        this.topology = b.topology;
        this.cpus = topology.cpus();
        int count = cpus.size();
        this.signatures = new CpuSignature[count];
        this.platformFlags = new PlatformFlags[count];
        this.engines = new MicrocodeEngine[count];
        this.faults = new Fault[count];
        this.latencyRandom = new SplittableRandom[count];
        SplittableRandom seeds = new SplittableRandom(b.seed);
        Map<Integer, Revision> engineRevisions = new HashMap<>();
        b.revisions.forEach((cpu, rev) -> engineRevisions.put(engineKey(cpus.get(cpu)), rev));
        Map<Integer, MicrocodeEngine> byEngineKey = new HashMap<>();
        for (LogicalCpu cpu : cpus) {
            int i = cpu.index();
            signatures[i] = b.signatures.getOrDefault(i, b.signature);
            platformFlags[i] = b.platformFlags.getOrDefault(i, b.flags);
            int engineKey = engineKey(cpu);
            engines[i] = byEngineKey.computeIfAbsent(engineKey,
                    k -> new MicrocodeEngine(engineRevisions.getOrDefault(k, b.revision)));
            faults[i] = b.faults.get(i);
            latencyRandom[i] = seeds.split();
        }
        this.latency = b.latency;
        this.seed = b.seed;
        this.checker = new PatchChecker(vendor, b.ops);
    }

    /**
     * A builder for a machine of {@code vendor} CPUs shaped as {@code topology}.
     *
     * @param vendor the vendor of every CPU; not null
     * @param topology the machine's shape; not null
     * @return a builder with the vendor's default signature and platform flags, revision 0x1, no latency, seed 1 and no
     *     fault
     */
    public static Builder builder(Vendor vendor, Topology topology) {
        return new Builder(vendor, topology);
    }

    // Intel SMT siblings share one engine, keyed by the core's primary thread; every AMD thread has its own.
    private int engineKey(LogicalCpu cpu) {
        return vendor == Vendor.INTEL ? cpu.smtSiblings().get(0) : cpu.index();
    }

    /**
     * The vendor of every CPU.
     *
     * @return the vendor given to the builder
     */
    public Vendor vendor() {
        return vendor;
    }

    /**
     * The shape of the machine.
     *
     * @return the topology given to the builder
     */
    public Topology topology() {
        return topology;
    }

    /**
     * The seed the latencies are drawn from.
     *
     * @return the seed given to the builder, 1 by default
     */
    public long seed() {
        return seed;
    }

    /**
     * Every logical CPU, by index.
     *
     * @return one CPU per index from 0, in index order; unmodifiable
     */
    public List<LogicalCpu> cpus() {
        return cpus;
    }

    /**
     * The logical CPU numbered {@code index}.
     *
     * @param index the logical CPU number, 0 to {@link Topology#cpuCount()} less one
     * @return that CPU, with its core, package and SMT siblings
     * @throws IndexOutOfBoundsException when there is no such CPU
     */
    public LogicalCpu cpu(int index) {
        return cpus.get(index);
    }

    /**
     * The revision CPU {@code index} runs now.
     *
     * @param index the logical CPU number, 0 to {@link Topology#cpuCount()} less one
     * @return the revision of the CPU's microcode engine, shared with its SMT siblings on Intel
     * @throws ArrayIndexOutOfBoundsException when there is no such CPU
     */
    public Revision revision(int index) {
        return engines[index].revision();
    }

    /**
     * Vendor, signature, platform flags and running revision of CPU {@code index}.
     *
     * @param index the logical CPU number, 0 to {@link Topology#cpuCount()} less one
     * @return the CPU's state, every fact known
     * @throws ArrayIndexOutOfBoundsException when there is no such CPU
     */
    public CpuState state(int index) {
        return CpuState.of(vendor, signatures[index], platformFlags[index], revision(index));
    }

    /**
     * The fault injected on CPU {@code index}, if any.
     *
     * @param index the logical CPU number, 0 to {@link Topology#cpuCount()} less one
     * @return the fault, or empty when the CPU has none
     * @throws ArrayIndexOutOfBoundsException when there is no such CPU
     */
    public Optional<Fault> fault(int index) {
        return Optional.ofNullable(faults[index]);
    }

    /**
     * Every load carried out so far, in the order they finished.
     *
     * @return a copy of the loads recorded so far; empty before the first
     */
    public List<ApplyRecord> applyLog() {
        return List.copyOf(log);
    }

    /**
     * The machine as an apply backend reports it; every fact's source is {@code "simulated"}.
     *
     * @return every CPU with its state as it is now, no hypervisor, and a note naming the machine and its seed
     */
    public Platform platform() {
        Map<Fact, String> sources = new EnumMap<>(Fact.class);
        Arrays.stream(Fact.values()).forEach(f -> sources.put(f, SimulatedBackend.NAME));
        List<PlatformCpu> platformCpus = new ArrayList<>();
        for (LogicalCpu cpu : cpus) {
            platformCpus.add(new PlatformCpu(cpu, state(cpu.index()), sources));
        }
        return new Platform(SimulatedBackend.NAME, platformCpus, Optional.of(false), List.of("a simulated " + vendor
                + " machine, " + topology + " (sockets x cores x threads), seed " + seed + ": no real CPU is touched"));
    }

    /** Releases every thread a fault holds (a CPU that never calls in, a hung load). */
    @Override
    public void close() {
        closed.countDown();
    }

    PatchChecker checker() {
        return checker;
    }

    Fault faultOrNull(int index) {
        return faults[index];
    }

    /** The duration of the next load on CPU {@code index}; each CPU draws from its own seeded source. */
    long nextLatencyNanos(int index) {
        SplittableRandom random = latencyRandom[index];
        synchronized (random) {
            return latency.sampleNanos(random);
        }
    }

    /** Loads {@code revision} into CPU {@code index}'s engine if the vendor's rule allows; returns whether it did. */
    boolean load(int index, Revision revision) {
        return engines[index].load(revision, vendor);
    }

    void record(ApplyRecord entry) {
        log.add(entry);
    }

    /**
     * Holds the calling thread until the machine is closed (or a long bound passes); returns whether it was
     * closed. An interrupt ends the hold early and is kept for the caller to see.
     */
    boolean holdUntilClosed() {
        try {
            return closed.await(LONGEST_HOLD_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Builds a {@link SimulatedMachine}; every CPU shares the defaults unless given its own value. */
    public static final class Builder {
        private final Vendor vendor;
        private final Topology topology;
        private CpuSignature signature;
        private PlatformFlags flags;
        private Revision revision = Revision.of(1);
        private final Map<Integer, CpuSignature> signatures = new HashMap<>();
        private final Map<Integer, PlatformFlags> platformFlags = new HashMap<>();
        private final Map<Integer, Revision> revisions = new HashMap<>();
        private final Map<Integer, Fault> faults = new HashMap<>();
        private ApplyLatency latency = ApplyLatency.NONE;
        private long seed = 1;
        private Optional<MicrocodeOps> ops = Optional.empty();

        private Builder(Vendor vendor, Topology topology) {
            this.vendor = Objects.requireNonNull(vendor, "vendor");
            this.topology = Objects.requireNonNull(topology, "topology");
            this.signature = vendor == Vendor.INTEL ? MachineProperties.INTEL_SIGNATURE : MachineProperties.AMD_SIGNATURE;
            this.flags = vendor == Vendor.INTEL ? MachineProperties.INTEL_PLATFORM_FLAGS : PlatformFlags.NONE;
        }

        /**
         * The signature of every CPU without one of its own (default: a 06-9e-0a Intel or 19-21-02 AMD CPU).
         *
         * @param value the signature; not null
         * @return this builder
         */
        public Builder signature(CpuSignature value) {
            this.signature = Objects.requireNonNull(value);
            return this;
        }

        /**
         * CPU {@code cpu}'s own signature: for mixed steppings.
         *
         * @param cpu the logical CPU number, 0 to {@link Topology#cpuCount()} less one
         * @param value its signature; not null
         * @return this builder
         * @throws IllegalArgumentException when the machine has no such CPU
         */
        public Builder signature(int cpu, CpuSignature value) {
            signatures.put(checkedCpu(cpu), Objects.requireNonNull(value));
            return this;
        }

        /**
         * The platform flags of every CPU without its own (default 0x02 on Intel, none on AMD).
         *
         * @param value the platform flags; not null
         * @return this builder
         */
        public Builder platformFlags(PlatformFlags value) {
            this.flags = Objects.requireNonNull(value);
            return this;
        }

        /**
         * CPU {@code cpu}'s own platform flags.
         *
         * @param cpu the logical CPU number, 0 to {@link Topology#cpuCount()} less one
         * @param value its platform flags; not null
         * @return this builder
         * @throws IllegalArgumentException when the machine has no such CPU
         */
        public Builder platformFlags(int cpu, PlatformFlags value) {
            platformFlags.put(checkedCpu(cpu), Objects.requireNonNull(value));
            return this;
        }

        /**
         * The starting revision of every engine without its own (default 0x1).
         *
         * @param value the starting revision; not null
         * @return this builder
         */
        public Builder revision(Revision value) {
            this.revision = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The starting revision of the engine CPU {@code cpu} uses (on Intel, shared by its SMT siblings).
         *
         * @param cpu the logical CPU number, 0 to {@link Topology#cpuCount()} less one
         * @param value the starting revision of its engine; not null
         * @return this builder
         * @throws IllegalArgumentException when the machine has no such CPU
         */
        public Builder revision(int cpu, Revision value) {
            revisions.put(checkedCpu(cpu), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Injects {@code fault} on CPU {@code cpu}.
         *
         * @param cpu the logical CPU number, 0 to {@link Topology#cpuCount()} less one
         * @param fault what goes wrong on it; not null, and replaces a fault given before for the same CPU
         * @return this builder
         * @throws IllegalArgumentException when the machine has no such CPU
         */
        public Builder fault(int cpu, Fault fault) {
            faults.put(checkedCpu(cpu), Objects.requireNonNull(fault));
            return this;
        }

        /**
         * How long loads take (default {@link ApplyLatency#NONE}).
         *
         * @param value how long each load takes; not null
         * @return this builder
         */
        public Builder latency(ApplyLatency value) {
            this.latency = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The seed latencies are drawn from (default 1).
         *
         * @param value any seed; the same seed draws the same latencies
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * The driver that parses and matches patches; by default the vendor's driver found on the class path.
         *
         * @param value a driver of the machine's vendor; not null
         * @return this builder
         * @throws IllegalArgumentException when the driver is another vendor's
         */
        public Builder ops(MicrocodeOps value) {
            if (value.vendor() != vendor) {
                throw new IllegalArgumentException("a " + value.vendor() + " driver for a " + vendor + " machine");
            }
            this.ops = Optional.of(value);
            return this;
        }

        /**
         * The machine.
         *
         * @return a new machine with the values given so far; this builder may go on
         */
        public SimulatedMachine build() {
            return new SimulatedMachine(this);
        }

        private int checkedCpu(int cpu) {
            if (cpu < 0 || cpu >= topology.cpuCount()) {
                throw new IllegalArgumentException("no CPU " + cpu + " on a " + topology + " machine");
            }
            return cpu;
        }
    }
}
