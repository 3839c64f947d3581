package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuList;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.spi.PerCpuBackend;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stop-machine-like rendezvous in which a {@link PerCpuBackend} loads microcode: every participating CPU is
 * held by a thread pinned to it while the loading CPUs load, so that no CPU runs ordinary work on a half-updated
 * machine. It follows Xen's algorithm of 2019.
 *
 * <ol>
 *   <li><b>PREPARE</b>: the backend prepares each distinct patch ({@link PerCpuBackend#prepare}); one daemon
 *       platform thread per CPU is created.
 *   <li><b>CALLIN</b>: the threads start, each pins itself to its CPU ({@link PerCpuBackend#pinCurrentThread}),
 *       reads the revision and calls in. If a CPU has not called in when the call-in timeout passes, or a thread
 *       cannot be pinned, the rendezvous is aborted and nothing is applied anywhere.
 *   <li><b>ENTER</b>, the stopped window, from the moment the last CPU called in: the control CPU (the
 *       lowest-numbered loading CPU) loads first and alone; if its load fails, is refused or times out, nothing
 *       else is attempted. Then the loading CPUs load in parallel: one thread per core (its primary) under a
 *       {@link io.github.ucode4j.api.LoadProtocol.LoadUnit#PER_CORE} protocol (Intel), every thread under
 *       {@link io.github.ucode4j.api.LoadProtocol.LoadUnit#PER_THREAD} (AMD). Each load has the progress timeout to
 *       finish. The other CPUs spin.
 *   <li><b>EXIT</b>, when every load has finished or timed out: the CPUs that did not load read their revision
 *       ({@link PerCpuBackend#readRevision}), and an SMT sibling reports what it read: its sibling's patch
 *       (SIBLING_UPDATED), a revision it already had (UP_TO_DATE), or no change: REFUSED when its loader's CPU
 *       refused, NOT_ATTEMPTED when that load failed or never began, UNKNOWN when it hung and may still land.
 * </ol>
 *
 * <p>Inside the window the engine itself does not allocate, log, lock or block: threads spin on atomics with
 * {@link Thread#onSpinWait()} and write preallocated arrays; only the backend's {@code apply} runs other code.
 * Every wait is bounded: once the backend has prepared the patches, {@link #run} returns within the call-in
 * timeout plus three progress timeouts (the control load, the other loads, the revision reads after EXIT) plus a
 * few milliseconds of polling, whatever the backend does. On a host with fewer processors than participating CPUs
 * (a large simulated machine), threads yield while they spin ({@link RendezvousOptions.Spinning}), and deadlines
 * should be generous: there every thread competes for a few host CPUs.
 *
 * <p><b>What a JVM cannot do.</b> A kernel's stop_machine turns interrupts off on every CPU, and Linux loads Intel
 * microcode inside an NMI handler. A Java thread can do neither: the host's interrupts, NMIs and other processes
 * still run on the held CPUs, and the JVM's own safepoints still stop these threads: a garbage-collection pause
 * that begins inside the window stretches it by the length of the pause. The rendezvous therefore narrows the
 * window in which a CPU runs other work while its siblings load; it cannot close it. Prefer a
 * {@link io.github.ucode4j.api.spi.SystemBackend} (the kernel's reload, Xen's hypercall) wherever one exists: the
 * kernel and Xen hold the CPUs for real.
 *
 * <p><b>A hung apply.</b> A thread stuck inside the backend's {@code apply} cannot be interrupted from Java. The
 * rendezvous reports that CPU {@link io.github.ucode4j.api.CpuOutcome#TIMED_OUT} when its progress timeout passes,
 * finishes, and leaves the stuck thread behind as a daemon; whatever it returns later is ignored. A backend that
 * throws is reported {@link io.github.ucode4j.api.CpuOutcome#FAILED} with what it threw.
 *
 * <p>Each run is logged at {@code DEBUG} before the threads start (the CPUs, the loaders, the deadlines) and after
 * the report is made (how long the call-in and the window took, each outcome's CPUs, each CPU that timed out, or
 * why the run was aborted): never from inside the window.
 *
 * <p>Thread-safe: each call to {@link #run} has state of its own. Runs must not overlap on one machine, as two
 * rendezvous would hold the same CPUs; that is the caller's to ensure.
 */
public final class Rendezvous {
    private static final System.Logger LOG = System.getLogger(Rendezvous.class.getName());
    // Participants stop waiting on their own this long after every deadline has passed, in case the coordinating
    // thread is starved or dead; normally the coordinator settles everything long before.
    private static final Duration PARTICIPANT_GRACE = Duration.ofSeconds(1);
    // How long a run waits for its threads to end after they reported, before it decides whether to release.
    private static final Duration THREAD_EXIT_GRACE = Duration.ofMillis(200);

    private final PerCpuBackend backend;
    private final RendezvousOptions options;

    /**
     * @param backend the backend that pins, loads and reads revisions
     * @param options timeouts, ordering and spinning
     */
    public Rendezvous(PerCpuBackend backend, RendezvousOptions options) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A rendezvous with {@link RendezvousOptions#DEFAULTS}.
     *
     * @param backend the backend that pins, loads and reads revisions; not null
     */
    public Rendezvous(PerCpuBackend backend) {
        this(backend, RendezvousOptions.DEFAULTS);
    }

    /**
     * Holds every CPU of {@code request}, loads each loading CPU's patch, and reports what happened to each CPU.
     * Failures of the backend are results in the report, not exceptions.
     *
     * @param request the participating CPUs, each with its patch or none, and the vendor's protocol; not null
     * @return one result per participating CPU, the abort when there was one, the control CPU, and how long the CPUs
     *     were held
     * @throws IllegalArgumentException when threads of one core are given different patches under a per-core
     *     protocol
     */
    public RendezvousReport run(RendezvousRequest request) {
        LoadRoles roles = LoadRoles.assign(request, options.controlFirst());
        logStart(request, roles);
        Optional<Abort> unprepared = prepare(request, roles);
        if (unprepared.isPresent()) {
            return logged(release(ReportAssembler.notStarted(request, unprepared.get()), List.of()));
        }
        RendezvousState state = new RendezvousState(roles);
        List<Thread> threads = createThreads(request, roles, state);
        Coordinator coordinator = new Coordinator(state, options);
        state.openCallIn();
        start(threads, state);
        long callInEndedAt = coordinator.superviseCallIn();
        coordinator.superviseWindow();
        coordinator.awaitReports();
        return logged(release(new ReportAssembler(request, roles, state, options).assemble(callInEndedAt), threads));
    }

    private void logStart(RendezvousRequest request, LoadRoles roles) {
        LOG.log(Level.DEBUG, () -> "rendezvous of " + request.size() + " CPUs on the " + backend.name() + " backend: "
                + roles.loaderCount() + " load" + (roles.controlSlot() == LoadRoles.NONE ? ", all at once"
                : ", control CPU " + request.assignments().get(roles.controlSlot()).cpu().index() + " first")
                + "; call-in deadline " + options.callInTimeout().toMillis() + " ms, load deadline "
                + options.progressTimeout().toMillis() + " ms each");
    }

    private static RendezvousReport logged(RendezvousReport report) {
        if (!LOG.isLoggable(Level.DEBUG)) {
            return report;
        }
        for (CpuResult result : report.results()) {
            if (result.outcome() == CpuOutcome.TIMED_OUT) {
                LOG.log(Level.DEBUG, "CPU " + result.cpu() + " timed out: " + result.message());
            }
        }
        Map<CpuOutcome, List<Integer>> cpusByOutcome = new EnumMap<>(CpuOutcome.class);
        report.results().forEach(r -> cpusByOutcome.computeIfAbsent(r.outcome(), o -> new ArrayList<>()).add(r.cpu()));
        List<String> outcomes = new ArrayList<>();
        cpusByOutcome.forEach((outcome, cpus) -> outcomes.add(outcome + " on CPUs " + CpuList.format(cpus)));
        if (report.abort().isPresent()) {
            Abort abort = report.abort().get();
            LOG.log(Level.DEBUG, "rendezvous aborted, nothing applied (" + abort.cause() + "): " + abort.detail());
        } else {
            LOG.log(Level.DEBUG, "rendezvous ended: every CPU called in after " + report.callIn().toMillis() + " ms, the window lasted "
                    + report.stoppedWindow().map(Duration::toMillis).orElse(0L) + " ms; " + String.join(", ", outcomes));
        }
        return report;
    }

    // What prepare made ready is freed only once no thread can still be inside the backend: a stuck apply may
    // still read the patch's memory. Threads that have reported end within moments; a stuck one is waited for
    // only briefly.
    private RendezvousReport release(RendezvousReport report, List<Thread> threads) {
        long deadline = System.nanoTime() + THREAD_EXIT_GRACE.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !awaitExit(thread, left)) {
                break;
            }
        }
        List<String> stuck = threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
        if (!stuck.isEmpty()) {
            return report.withNote("what backend " + backend.name() + " prepared is kept: " + String.join(", ", stuck)
                    + " did not leave it");
        }
        try {
            backend.release();
            return report;
        } catch (ApplyException | RuntimeException e) {
            return report.withNote("backend " + backend.name() + " could not release what it prepared: " + e.getMessage());
        }
    }

    private static boolean awaitExit(Thread thread, long nanos) {
        try {
            thread.join(Duration.ofNanos(nanos).toMillis() + 1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Optional<Abort> prepare(RendezvousRequest request, LoadRoles roles) {
        Set<MicrocodePatch> patches = new LinkedHashSet<>();
        for (int slot = 0; slot < roles.size(); slot++) {
            if (roles.loads(slot)) {
                roles.target(slot).ifPresent(patches::add);
            }
        }
        for (MicrocodePatch patch : patches) {
            try {
                backend.prepare(patch, request.protocol());
            } catch (ApplyException | RuntimeException e) {
                return Optional.of(new Abort(AbortCause.PREPARE_FAILED,
                        "backend " + backend.name() + " could not prepare " + patch + ": " + e.getMessage()));
            }
        }
        return Optional.empty();
    }

    private List<Thread> createThreads(RendezvousRequest request, LoadRoles roles, RendezvousState state) {
        boolean yieldInWindow = options.spinning().yields(request.size());
        long deadline = System.nanoTime() + options.callInTimeout().toNanos()
                + 3 * options.progressTimeout().toNanos() + PARTICIPANT_GRACE.toNanos();
        List<Thread> threads = new ArrayList<>(request.size());
        for (int slot = 0; slot < request.size(); slot++) {
            var cpu = request.assignments().get(slot).cpu();
            Participant participant = new Participant(slot, cpu, roles, request.protocol(), backend, state,
                    new Spinner(yieldInWindow, deadline));
            Thread thread = new Thread(participant, "ucode4j-cpu-" + cpu.index());
            thread.setDaemon(true);
            threads.add(thread);
        }
        return threads;
    }

    // A thread that cannot be started (the host is out of threads) aborts the call-in, so that the started ones
    // end at once, and the error goes to the caller.
    private static void start(List<Thread> threads, RendezvousState state) {
        try {
            threads.forEach(Thread::start);
        } catch (RuntimeException | Error e) {
            state.abortCallIn();
            throw e;
        }
    }
}
