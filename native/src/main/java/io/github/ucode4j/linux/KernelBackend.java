package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LoadJudge;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.host.HostLock;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.SystemBackend;
import io.github.ucode4j.linux.host.LinuxChecks;
import io.github.ucode4j.linux.host.RevisionChanges;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.Libc;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code kernel} backend: the kernel's own late loading. Writes the planned firmware file into a private folder,
 * points the kernel's firmware loader at that folder, writes {@code 1} to
 * {@code /sys/devices/system/cpu/microcode/reload}, puts the loader's search path back, and reports the kernel's answer
 * with every CPU's revision re-read. The kernel rendezvouses the CPUs itself, with interrupts off, so this backend is
 * preferred wherever it exists; it exists only in kernels built with {@code CONFIG_MICROCODE_LATE_LOADING} (off by
 * default since 5.19).
 *
 * <p><b>The system's files and settings are the same after any outcome, a crash included.</b> {@code /lib/firmware} is
 * never written, not even after a load: the CPUs keep the new revision until they are reset, and what loads at boot
 * stays the distribution's business (to keep a revision across reboots, put it in the early initramfs). The one
 * setting changed, {@code firmware_class.path}, is put back after every outcome, and after a crash by the next load,
 * from a journal ({@link SearchPathRedirect}). The private folder is {@code firmware-<pid>} in the run directory
 * ({@link LinuxRoots#run()}, {@code /run/ucode4j} by default), which must be root's and no symbolic link.
 *
 * <p>The kernel facts this relies on (Linux's {@code arch/x86/kernel/cpu/microcode/} and
 * {@code drivers/base/firmware_loader/main.c}; the search path's own rules are in {@link FirmwareSearchPath}):
 * <ul>
 *   <li>the reload asks for {@code intel-ucode/ff-mm-ss} or {@code amd-ucode/microcode_amd_famXXh.bin} (the names the
 *       vendor drivers give) through {@code request_firmware_direct}: a look-up in the file system only, with no
 *       user-mode helper, made inside the write to {@code reload} before the CPUs are stopped;
 *   <li>the look-up tries {@code firmware_class.path} first, then {@code /lib/firmware/updates/<release>},
 *       {@code /lib/firmware/updates}, {@code /lib/firmware/<release>} and {@code /lib/firmware}, and reads the first
 *       file found whole, through an open file, with the kernel's own credentials, in init's mount namespace (so this
 *       process must share it: checked); firmware built into the kernel image would come before all of them;
 *   <li>a file it finds but cannot read (a security module such as LoadPin may confine firmware to one file system)
 *       is skipped for the next directory, so the kernel may load the distribution's file instead: the revisions read
 *       back tell.
 * </ul>
 * When the reload does not answer in time, the search path is put back and the folder removed at once. That is safe
 * while the kernel may still be at work: the loader uses the search path only while it builds the file's path, and
 * reads the file through a descriptor, which keeps a removed file readable to its end. Had it not looked yet, it finds
 * the distribution's own file in {@code /lib/firmware} (or nothing); a look-up at the very moment of the restore may
 * see a mix of the two values, a folder that does not exist, and move on. In every case the kernel reads a whole file
 * or none, and nothing of the system's was changed.
 *
 * <p>Thread-safe: one load at a time on a host (a {@link HostLock} on {@value #LOCK_FILE} in the run directory); a
 * second fails at once rather than waiting.
 */
public final class KernelBackend implements SystemBackend {
    private static final System.Logger LOG = System.getLogger(KernelBackend.class.getName());
    /** The backend's name. */
    public static final String NAME = "kernel";
    /** Above {@code msr}: where the kernel can late-load, it does so more safely than user space can. */
    public static final int PRIORITY = 200;
    /** The file in the run directory that keeps loads through this backend to one at a time. */
    static final String LOCK_FILE = "kernel-reload.lock";

    private final LinuxRoots roots;
    private final RunDirectory run;
    private final FirmwareSearchPath searchPath;
    private final LazyHardware hardware;
    private final Function<Libc, ReloadTrigger> triggers;
    private final MicrocodeDrivers drivers = MicrocodeDrivers.load();

    /** The machine's own kernel, with the run directory {@code /run/ucode4j}. */
    public KernelBackend() {
        this(LinuxRoots.SYSTEM);
    }

    /**
     * The kernel whose interfaces, and the run directory, are under {@code roots}.
     *
     * @param roots where the CPU devices, sysfs, procfs and the run directory are; {@link LinuxRoots#SYSTEM} for
     *     this machine, a fixture tree in tests
     */
    public KernelBackend(LinuxRoots roots) {
        this(roots, RunDirectory.ROOT, Hardware.MACHINE, ReloadTrigger::through);
    }

    KernelBackend(LinuxRoots roots, int runDirectoryOwner, Hardware.Factory factory, Function<Libc, ReloadTrigger> triggers) {
        this.roots = roots;
        this.run = new RunDirectory(roots.run(), runDirectoryOwner);
        this.searchPath = new FirmwareSearchPath(roots.firmwareSearchPath());
        this.hardware = new LazyHardware(roots, factory);
        this.triggers = triggers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Why the kernel cannot late-load through this backend here; when it cannot, and a load through it was
     * interrupted, the reason says so too (only a load puts things back).
     */
    @Override
    public Optional<String> unavailableReason() {
        Optional<String> reason = LinuxChecks.firstReason(
                () -> LinuxChecks.notX86Linux(BackendChecks.LINUX_BACKENDS),
                () -> Files.exists(roots.microcodeReload()) ? Optional.empty()
                        : Optional.of(roots.microcodeReload() + " is missing: this kernel cannot late-load microcode (it needs "
                                + "CONFIG_MICROCODE_LATE_LOADING=y, off by default since Linux 5.19, and no hypervisor); load it "
                                + "at boot through the early initramfs, or use the msr backend"),
                () -> LinuxChecks.notRoot(hardware.effectiveUid(), "the kernel's microcode reload"),
                searchPath::unusable,
                () -> BackendChecks.otherMountNamespace(roots, "the kernel backend"),
                run::problem,
                () -> FirmwareSearchPath.cannotName(FirmwareFolder.of(run.path(), ProcessHandle.current().pid())));
        return reason.map(r -> leftover().map(note -> r + ". Also: " + note).orElse(r));
    }

    /**
     * Reads every online CPU as the kernel sees it: CPUID where readable, revisions from sysfs, no MSR writes. A load
     * through this backend that is under way or was interrupted is among the notes.
     */
    @Override
    public Platform platform() throws IOException {
        Platform probed = hardware.probe(NAME);
        return leftover().map(probed::withNote).orElse(probed);
    }

    // Only a sound run directory is looked into; unavailableReason says what is wrong with another.
    private Optional<String> leftover() {
        try {
            return run.problem().isEmpty() ? SearchPathRedirect.describeLeftover(run.path(), searchPath) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("the run directory " + run.path() + " cannot be checked: " + e.getMessage());
        }
    }

    /**
     * Writes {@code blob} (a firmware file in the vendor's format, as {@code MicrocodeOps.firmwareFile} makes it) into a
     * private folder under the name the kernel reads for the online CPUs it is meant for, has the kernel reload from
     * there, and puts everything back. A load through this backend that was interrupted is undone first, and the
     * result says so.
     *
     * @throws ApplyException when the kernel cannot late-load here, a forced load is asked for (the kernel's loader has
     *     no such thing), another load is running, an interrupted one cannot be undone, the firmware cannot be put in
     *     place or the search path cannot be put back, or the CPUs cannot be read
     */
    @Override
    public SystemResult applySystem(ByteBuffer blob, ApplyOptions options) throws ApplyException {
        if (options.force()) {
            throw new ApplyException("the kernel's loader cannot force a load: it loads only newer revisions",
                    "use the msr backend to force one");
        }
        requireAvailable();
        try (HostLock lock = HostLock.acquire(prepareRunDirectory().resolve(LOCK_FILE), "load through the kernel backend")) {
            Optional<String> recovered = recoverInterruptedLoad();
            try {
                SystemResult result = reload(blob, options);
                return recovered.map(r -> new SystemResult(result.outcome(), result.errno(), r + ". " + result.message()))
                        .orElse(result);
            } catch (ApplyException e) {
                throw recovered.map(r -> new ApplyException(r + ". Then " + e.getMessage(), e.cpu(), e.errno(), "", e)).orElse(e);
            }
        }
    }

    private Path prepareRunDirectory() throws ApplyException {
        try {
            return run.prepare();
        } catch (IOException e) {
            throw new ApplyException("the run directory " + run.path() + " cannot be used: " + e.getMessage(), OptionalInt.empty(),
                    OptionalInt.empty(), "nothing was changed", e);
        }
    }

    private Optional<String> recoverInterruptedLoad() throws ApplyException {
        try {
            return SearchPathRedirect.recoverLeftover(run.path(), searchPath);
        } catch (IOException e) {
            throw new ApplyException("a previous load through the kernel backend was interrupted, and undoing it failed: "
                    + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "check " + searchPath.parameter() + " and "
                    + run.path() + " by hand; nothing was loaded", e);
        }
    }

    private SystemResult reload(ByteBuffer blob, ApplyOptions options) throws ApplyException {
        Platform before = readPlatform();
        Map<String, ByteBuffer> files = new TreeMap<>();
        for (String name : firmwareNames(before, options.plannedPatch())) {
            files.put(name, blob);
        }
        SearchPathRedirect redirect = redirect(files);
        ReloadRequest answer;
        try {
            LOG.log(Level.DEBUG, () -> "writing 1 to " + roots.microcodeReload() + ", deadline " + options.timeout().toMillis() + " ms");
            answer = ReloadRequest.run(triggers.apply(hardware.get().libc()), roots.microcodeReload(), options.timeout());
        } catch (ApplyException e) {
            endAfter(redirect, e);
            throw e;
        }
        LOG.log(Level.DEBUG, () -> "the kernel " + (answer.timedOut() ? "did not answer in time" : answer.errno().isEmpty()
                ? "answered: loaded" : "answered errno " + answer.errno().getAsInt() + " (" + Errno.describe(answer.errno().getAsInt()) + ")"));
        Optional<String> changedMeanwhile = end(redirect, answer);
        SystemResult result = answer.timedOut() ? ReloadResults.timedOut(options.timeout().toString())
                : answered(answer.errno(), before, options);
        return changedMeanwhile.map(note -> new SystemResult(result.outcome(), result.errno(), result.message() + " " + note + "."))
                .orElse(result);
    }

    private SystemResult answered(OptionalInt errno, Platform before, ApplyOptions options) throws ApplyException {
        String revisions = RevisionChanges.describe("revisions re-read from sysfs", before, readPlatform());
        if (errno.isEmpty()) {
            return ReloadResults.loaded(revisions);
        }
        boolean upToDate = options.plannedPatch().map(p -> nothingToLoad(before, p)).orElse(false);
        return ReloadResults.refused(errno.getAsInt(), upToDate, revisions);
    }

    private SearchPathRedirect redirect(Map<String, ByteBuffer> files) throws ApplyException {
        try {
            return SearchPathRedirect.begin(run.path(), searchPath, files);
        } catch (IOException e) {
            throw new ApplyException("putting the firmware in a private folder for the kernel failed: " + e.getMessage(),
                    OptionalInt.empty(), OptionalInt.empty(), "nothing was loaded, and " + searchPath.parameter() + " and "
                    + "/lib/firmware are as they were" + (e.getSuppressed().length > 0 ? " unless the suppressed failures "
                    + "below say otherwise" : ""), e);
        }
    }

    private Optional<String> end(SearchPathRedirect redirect, ReloadRequest answer) throws ApplyException {
        try {
            return redirect.end();
        } catch (IOException e) {
            String kernel = answer.timedOut() ? "the kernel did not answer in time"
                    : answer.errno().isEmpty() ? "the kernel loaded the microcode" : "the kernel answered "
                    + Errno.describe(answer.errno().getAsInt());
            throw new ApplyException(kernel + ", but putting firmware_class.path back to '" + redirect.previousSearchPath()
                    + "', or removing " + redirect.folder() + " or the journal, failed: " + e.getMessage(), OptionalInt.empty(),
                    OptionalInt.empty(), "the journal in " + run.path() + " stays: the next load through the kernel backend "
                    + "finishes this", e);
        }
    }

    private static void endAfter(SearchPathRedirect redirect, Exception failure) {
        try {
            redirect.end();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean nothingToLoad(Platform platform, MicrocodePatch patch) {
        return platform.cpus().stream()
                .filter(cpu -> isFor(cpu, patch))
                .allMatch(cpu -> cpu.state().revision().map(r -> LoadJudge.alreadyRuns(r, patch.revision())).orElse(false));
    }

    private Platform readPlatform() throws ApplyException {
        try {
            return platform();
        } catch (IOException e) {
            throw new ApplyException("reading the CPUs failed: " + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "", e);
        }
    }

    /**
     * One name per distinct firmware file among the online CPUs the planned patch (if any) is for, as the vendor's
     * driver names it and the kernel looks it up.
     */
    private SortedSet<String> firmwareNames(Platform platform, Optional<MicrocodePatch> planned) throws ApplyException {
        SortedSet<String> names = new TreeSet<>();
        for (PlatformCpu cpu : platform.cpus()) {
            Optional<Vendor> vendor = cpu.state().vendor();
            Optional<CpuSignature> signature = cpu.state().signature();
            if (vendor.isEmpty() || signature.isEmpty() || planned.isPresent() && !isFor(cpu, planned.get())) {
                continue;
            }
            MicrocodeOps driver = drivers.forVendor(vendor.get()).orElseThrow(() -> new ApplyException("no "
                    + vendor.get().cpuidName() + " driver is installed to name its firmware file",
                    "put the ucode4j driver for " + vendor.get().cpuidName() + " on the class path"));
            names.add(driver.firmwareName(signature.get()));
        }
        if (names.isEmpty()) {
            throw new ApplyException("no online CPU " + (planned.isPresent() ? "is one the planned patch is for"
                    : "has a known vendor and signature"), "check the platform's notes (ucode4j's probe) and the plan");
        }
        return names;
    }

    private static boolean isFor(PlatformCpu cpu, MicrocodePatch patch) {
        return cpu.state().vendor().equals(Optional.of(patch.vendor())) && cpu.state().signature()
                .map(s -> patch.targets().stream().anyMatch(t -> t.signature().equals(s))).orElse(false);
    }
}
