package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LoadAnswer;
import io.github.ucode4j.api.LoadEvidence;
import io.github.ucode4j.api.LoadJudge;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.host.HostLock;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.PerCpuBackend;
import io.github.ucode4j.api.spi.SystemBackend;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.Planner;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole late-load job on one backend: read the platform, plan from the cache (a dry run stops there), take the
 * host-wide lock, make the plan again from the machine and the patches as they are now and refuse if it changed,
 * load (through ucode4j's {@link Rendezvous} for a per-CPU backend, or the kernel's or Xen's own for a system
 * backend), read every CPU back, and report what each one runs now.
 *
 * <p>Nothing is loaded that the plan did not choose, and no CPU is reported updated unless its revision read back
 * says so (or, where the revision cannot be read back, as on Xen before 4.18, the loader said so and the message
 * says it was not confirmed). After a per-CPU load, a CPU's revision is the one the rendezvous read on that CPU,
 * not the backend's {@code platform()}, which may lag behind (Linux's sysfs does after a load through the msr
 * device); {@code platform()} answers only for a CPU the rendezvous could not read, and the report's platform
 * names the source of each revision.
 *
 * <p>Each step of a load is logged at {@code DEBUG}: the lock taken, the plan found unchanged, how the patches are
 * loaded, what a system backend answered, and each outcome's count.
 */
public final class LateLoader {
    private static final System.Logger LOG = System.getLogger(LateLoader.class.getName());

    /** The host-wide load lock's file in the run directory. */
    static final String LOCK_FILE = "ucode4j.lock";
    // Root's, searchable by all, writable by no one else: the kernel backend keeps its private files here too.
    private static final String RUN_DIRECTORY_MODE = "rwxr-xr-x";

    private final ApplyBackend backend;
    private final MicrocodeDrivers drivers;
    private final LateLoaderOptions options;

    /**
     * A loader on {@code backend}, planning and formatting through {@code drivers}.
     *
     * @param backend the backend that reads the machine and loads; not null
     * @param drivers the vendor drivers the plan matches through and the load formats and reads revisions with; not
     *     null
     * @param options the run directory of the host-wide lock, and the deadlines; not null
     */
    public LateLoader(ApplyBackend backend, MicrocodeDrivers drivers, LateLoaderOptions options) {
        this.backend = backend;
        this.drivers = drivers;
        this.options = options;
    }

    /**
     * The plan for the machine as the backend sees it now; changes nothing.
     *
     * @param cache the patches to choose from; not null
     * @param policy whether to force and whether to ignore objections to a patch; not null
     * @return one verdict per CPU the backend sees, and the findings about the machine and the plan
     * @throws IOException when the platform cannot be read
     */
    public LoadPlan plan(MicrocodeCache cache, PlanPolicy policy) throws IOException {
        return new Planner(drivers).plan(backend.platform(), cache, policy);
    }

    /**
     * Carries out {@code plan}: takes the host-wide lock, makes the plan again from the machine as it is now and
     * from {@code patches} read again, and only if nothing changed since {@code plan} loads what it chose, then
     * reads every CPU back. {@code patches} is where the plan's cache came from: a source that reads the firmware
     * files afresh, or {@link PatchSource#of} the cache itself when the patches live only in memory.
     *
     * @param plan a plan this loader made, shown to whoever confirmed it
     * @param patches where the plan's cache came from, read again under the lock
     * @return what each CPU ran before and runs now, what the backend or rendezvous reported, and the platform read
     *     back; when the plan loads nothing, the report of a load in which nothing was attempted
     * @throws ApplyException when another load holds the host-wide lock; when the machine or the patches changed
     *     since {@code plan} (the message names each change), or cannot be read again; or when the backend cannot
     *     make the request. Nothing was applied.
     * @throws IOException when the platform cannot be read back after the load
     */
    public LoadReport load(LoadPlan plan, PatchSource patches) throws ApplyException, IOException {
        try (HostLock lock = lockHost(options.runDirectory())) {
            LOG.log(Level.DEBUG, () -> "took the host-wide lock " + options.runDirectory().resolve(LOCK_FILE));
            requireUnchanged(plan, patches);
            LOG.log(Level.DEBUG, "the plan made again under the lock is unchanged");
            if (!plan.loadsAnything()) {
                LOG.log(Level.DEBUG, "nothing to load: no CPU's verdict loads a patch");
                return logged(report(plan, Optional.empty(), Optional.empty(), backend.platform()));
            }
            if (backend instanceof PerCpuBackend perCpu) {
                LOG.log(Level.DEBUG, () -> "loading " + plan.patchesToLoad().size() + " patches on " + plan.platform().cpus().size()
                        + " CPUs through the rendezvous");
                RendezvousReport rendezvous = new Rendezvous(perCpu, options.rendezvous()).run(request(plan));
                return logged(report(plan, Optional.of(rendezvous), Optional.empty(), readBack(backend.platform(), rendezvous)));
            }
            if (backend instanceof SystemBackend system) {
                ByteBuffer blob = blob(plan);
                LOG.log(Level.DEBUG, () -> "handing " + plan.patchesToLoad().size() + " patches (" + blob.remaining() + " bytes) to the "
                        + backend.name() + " backend's own loader, deadline " + options.systemTimeout().toMillis() + " ms");
                SystemResult result = system.applySystem(blob, applyOptions(plan));
                LOG.log(Level.DEBUG, () -> "the " + backend.name() + " backend answered " + result.outcome()
                        + (result.errno().isPresent() ? " (errno " + result.errno().getAsInt() + ")" : "") + ": " + result.message());
                return logged(report(plan, Optional.empty(), Optional.of(result), backend.platform()));
            }
            throw new ApplyException("backend '" + backend.name() + "' implements neither PerCpuBackend nor SystemBackend",
                    "report this to the backend's authors");
        }
    }

    private static LoadReport logged(LoadReport report) {
        LOG.log(Level.DEBUG, () -> "load on the " + report.backend() + " backend " + (report.succeeded() ? "succeeded" : "failed")
                + (report.consistent() ? ", consistent: " : ", not consistent: ") + report.counts().entrySet().stream()
                .map(count -> count.getKey() + " " + count.getValue()).collect(Collectors.joining(", ")));
        return report;
    }

    // Under the lock, so that nothing can change between this check and the load but another tool ignoring it.
    /** Takes the host-wide load lock in {@code runDirectory}, creating the directory when absent. */
    static HostLock lockHost(Path runDirectory) throws ApplyException {
        try {
            Files.createDirectories(runDirectory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(RUN_DIRECTORY_MODE)));
        } catch (IOException e) {
            throw new ApplyException("cannot create the run directory " + runDirectory + " for the host-wide load lock: "
                    + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "check its parent and its permissions", e);
        }
        return HostLock.acquire(runDirectory.resolve(LOCK_FILE), "microcode load");
    }

    private void requireUnchanged(LoadPlan plan, PatchSource patches) throws ApplyException {
        LoadPlan again = new Planner(drivers).plan(platformAgain(), patchesAgain(patches), plan.policy());
        List<String> changes = PlanChanges.between(plan, again);
        if (!changes.isEmpty()) {
            throw new ApplyException("nothing was applied: the machine or its patches changed since the plan ("
                    + String.join("; ", changes) + ")", "plan again");
        }
    }

    private Platform platformAgain() throws ApplyException {
        try {
            return backend.platform();
        } catch (IOException e) {
            throw new ApplyException("nothing was applied: the machine could not be read again before the load: "
                    + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "plan again", e);
        }
    }

    private static MicrocodeCache patchesAgain(PatchSource patches) throws ApplyException {
        try {
            return patches.read();
        } catch (MicrocodeException | IOException e) {
            throw new ApplyException("nothing was applied: the patches could not be read again before the load: "
                    + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "check them, then plan again", e);
        }
    }

    private RendezvousRequest request(LoadPlan plan) throws ApplyException {
        Map<Integer, MicrocodePatch> loads = plan.loads();
        List<LoadAssignment> assignments = new ArrayList<>();
        for (PlatformCpu cpu : plan.platform().cpus()) {
            MicrocodePatch patch = loads.get(cpu.index());
            assignments.add(patch == null ? LoadAssignment.holdOnly(cpu.cpu()) : LoadAssignment.load(cpu.cpu(), patch));
        }
        return new RendezvousRequest(driver(vendorOf(plan)).loadProtocol(), assignments);
    }

    // One file holding every distinct patch the plan chose: the kernel and Xen each pick per CPU from it.
    private ByteBuffer blob(LoadPlan plan) throws ApplyException {
        return driver(vendorOf(plan)).firmwareFile(List.copyOf(plan.patchesToLoad()));
    }

    private ApplyOptions applyOptions(LoadPlan plan) {
        Set<MicrocodePatch> patches = plan.patchesToLoad();
        Optional<MicrocodePatch> single = patches.size() == 1 ? Optional.of(patches.iterator().next()) : Optional.empty();
        return new ApplyOptions(plan.policy().force(), single, options.systemTimeout());
    }

    private static Vendor vendorOf(LoadPlan plan) throws ApplyException {
        Set<Vendor> vendors = plan.patchesToLoad().stream().map(MicrocodePatch::vendor).collect(Collectors.toSet());
        if (vendors.size() != 1) {
            throw new ApplyException("the plan loads patches of " + vendors + "; one machine has one vendor's CPUs",
                    "check the platform the backend reports");
        }
        return vendors.iterator().next();
    }

    private MicrocodeOps driver(Vendor vendor) throws ApplyException {
        return drivers.forVendor(vendor).orElseThrow(() -> new ApplyException("no " + vendor.cpuidName() + " driver is installed",
                "put the ucode4j driver for " + vendor.cpuidName() + " on the class path"));
    }

    // Each CPU's revision as the rendezvous read it on that CPU, which a backend's platform() may not show yet;
    // the platform's own reading only where the rendezvous could not read.
    private static Platform readBack(Platform platform, RendezvousReport rendezvous) {
        List<PlatformCpu> cpus = new ArrayList<>();
        for (PlatformCpu cpu : platform.cpus()) {
            Optional<Revision> read = rendezvous.result(cpu.index()).flatMap(CpuResult::after);
            cpus.add(read.isPresent() ? withRevisionReadBack(cpu, read.get()) : cpu);
        }
        return new Platform(platform.backend(), cpus, platform.hypervisorPresent(), platform.notes());
    }

    private static PlatformCpu withRevisionReadBack(PlatformCpu cpu, Revision revision) {
        Map<Fact, String> sources = new EnumMap<>(Fact.class);
        sources.putAll(cpu.sources());
        sources.put(Fact.REVISION, LoadReport.READ_BACK_BY_RENDEZVOUS);
        return new PlatformCpu(cpu.cpu(), cpu.state().withRevision(revision), sources);
    }

    private LoadReport report(LoadPlan plan, Optional<RendezvousReport> rendezvous, Optional<SystemResult> system, Platform after) {
        List<CpuLoadResult> results = new ArrayList<>();
        for (Verdict verdict : plan.verdicts()) {
            Optional<Revision> before = plan.platform().cpu(verdict.cpu()).flatMap(c -> c.state().revision());
            Optional<Revision> now = after.cpu(verdict.cpu()).flatMap(c -> c.state().revision());
            results.add(result(verdict, before, now, rendezvous.flatMap(r -> r.result(verdict.cpu())), system));
        }
        return new LoadReport(backend.name(), plan, results, rendezvous, system, after);
    }

    private static CpuLoadResult result(Verdict verdict, Optional<Revision> before, Optional<Revision> after,
                                        Optional<CpuResult> fromRendezvous, Optional<SystemResult> system) {
        VerdictKind kind = verdict.kind();
        if (!kind.loads()) {
            CpuOutcome outcome = kind == VerdictKind.UP_TO_DATE ? CpuOutcome.UP_TO_DATE : CpuOutcome.NOT_ATTEMPTED;
            return new CpuLoadResult(verdict.cpu(), kind, outcome, before, after, verdict.reason());
        }
        MicrocodePatch patch = verdict.patch().orElseThrow();
        CpuResult judged = fromRendezvous.isPresent()
                ? LoadJudge.confirm(fromRendezvous.get(), patch.vendor(), before, after, patch.revision())
                : LoadJudge.judge(systemEvidence(verdict.cpu(), patch, before, after, system.orElseThrow()));
        return new CpuLoadResult(verdict.cpu(), kind, judged.outcome(), before, after, judged.message());
    }

    // The kernel and Xen answer once for every CPU: each CPU is judged from that answer and its own revisions, and
    // the answer's words go with a CPU only where they are the reason (the report carries them once besides).
    private static LoadEvidence systemEvidence(int cpu, MicrocodePatch patch, Optional<Revision> before, Optional<Revision> after,
                                               SystemResult result) {
        LoadAnswer answer = switch (result.outcome()) {
            case LOADED -> LoadAnswer.LOADED;
            case UP_TO_DATE -> LoadAnswer.NOTHING_NEWER;
            case TIMED_OUT -> LoadAnswer.TIMED_OUT;
            default -> LoadAnswer.FAILED;
        };
        String detail = answer == LoadAnswer.FAILED || answer == LoadAnswer.TIMED_OUT ? result.message() : "";
        return new LoadEvidence(cpu, patch.vendor(), before, after, patch.revision(), answer, result.errno(), detail);
    }
}
