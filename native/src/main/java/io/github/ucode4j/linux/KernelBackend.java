package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.SystemBackend;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.Libc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code kernel} backend: the kernel's own late loading. Stages the data as the firmware file the kernel reads
 * for these CPUs ({@code intel-ucode/ff-mm-ss}, {@code amd-ucode/microcode_amd_famXXh.bin}), writes {@code 1} to
 * {@code /sys/devices/system/cpu/microcode/reload}, and reports the kernel's answer with every CPU's revision
 * re-read. The kernel rendezvouses the CPUs itself, with interrupts off, so this backend is preferred wherever it
 * exists; it exists only in kernels built with {@code CONFIG_MICROCODE_LATE_LOADING} (off by default since 5.19).
 *
 * <p>The previous firmware file is restored unless the kernel loaded the new one. Thread-safe: loads are
 * serialised.
 */
public final class KernelBackend implements SystemBackend {
    /** The backend's name. */
    public static final String NAME = "kernel";
    /** Above {@code msr}: where the kernel can late-load, it does so more safely than user space can. */
    public static final int PRIORITY = 200;

    private final LinuxRoots roots;
    private final LazyHardware hardware;
    private final Function<Libc, ReloadTrigger> triggers;
    private final MicrocodeDrivers drivers = MicrocodeDrivers.load();

    /** The machine's own kernel. */
    public KernelBackend() {
        this(LinuxRoots.SYSTEM);
    }

    /** The kernel whose interfaces and firmware directory are under {@code roots}. */
    public KernelBackend(LinuxRoots roots) {
        this(roots, Hardware::open, ReloadTrigger::through);
    }

    KernelBackend(LinuxRoots roots, Hardware.Factory factory, Function<Libc, ReloadTrigger> triggers) {
        this.roots = roots;
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

    @Override
    public Optional<String> unavailableReason() {
        return LinuxChecks.firstReason(
                () -> LinuxChecks.notX86Linux(LinuxChecks.LINUX_BACKENDS),
                () -> Files.exists(roots.microcodeReload()) ? Optional.empty()
                        : Optional.of(roots.microcodeReload() + " is missing: this kernel cannot late-load microcode (it needs "
                                + "CONFIG_MICROCODE_LATE_LOADING=y, off by default since Linux 5.19, and no hypervisor); load it "
                                + "at boot through the early initramfs, or use the msr backend"),
                () -> LinuxChecks.notRoot(hardware.get().libc().geteuid(), "the kernel's microcode reload"));
    }

    /** Reads every online CPU as the kernel sees it: CPUID where readable, revisions from sysfs, no MSR writes. */
    @Override
    public Platform platform() throws IOException {
        return hardware.probe(NAME, PlatformProbe.MsrUse.READ);
    }

    /**
     * Stages {@code blob} (a firmware file in the vendor's format, as {@code MicrocodeOps.firmwareFile} makes it)
     * under the name the kernel reads for the online CPUs it is meant for, and has the kernel reload.
     *
     * @throws ApplyException when the kernel cannot late-load here, a forced load is asked for (the kernel's
     *     loader has no such thing), the firmware cannot be staged or restored, or the CPUs cannot be read
     */
    @Override
    public synchronized SystemResult applySystem(ByteBuffer blob, ApplyOptions options) throws ApplyException {
        if (options.force()) {
            throw new ApplyException("the kernel's loader cannot force a load: it loads only newer revisions",
                    "use the msr backend to force one");
        }
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            throw new ApplyException("the kernel backend cannot run here: " + unavailable.get(), "");
        }
        Platform before = readPlatform();
        List<FirmwareTarget> targets = FirmwareTarget.of(before, options.plannedPatch(), drivers);
        List<StagedFirmware> staged = stage(targets, blob);
        ReloadRequest answer;
        try {
            answer = ReloadRequest.run(triggers.apply(hardware.get().libc()), roots.microcodeReload(), options.timeout());
        } catch (ApplyException e) {
            restoreAfter(staged, e);
            throw e;
        }
        if (answer.timedOut()) {
            return ReloadResults.timedOut(options.timeout().toString());
        }
        String revisions = RevisionChanges.describe("revisions re-read from sysfs", before, readPlatform());
        if (answer.errno().isEmpty()) {
            for (StagedFirmware file : staged) {
                keep(file);
            }
            return ReloadResults.loaded(revisions);
        }
        restoreAll(staged, "the kernel answered " + Errno.describe(answer.errno().getAsInt()));
        boolean upToDate = options.plannedPatch().map(p -> nothingToLoad(before, p)).orElse(false);
        SystemResult refused = ReloadResults.refused(answer.errno().getAsInt(), upToDate, revisions);
        return new SystemResult(refused.outcome(), refused.errno(), refused.message() + " " + restoredNote(staged));
    }

    private List<StagedFirmware> stage(List<FirmwareTarget> targets, ByteBuffer blob)
            throws ApplyException {
        List<StagedFirmware> staged = new ArrayList<>();
        try {
            for (FirmwareTarget target : targets) {
                staged.add(StagedFirmware.stage(roots.firmware(), target.name(), blob));
            }
        } catch (IOException | IllegalArgumentException e) {
            ApplyException failure = new ApplyException("staging the firmware under " + roots.firmware() + " failed: "
                    + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "nothing was loaded; files staged so far were restored", e);
            restoreAfter(staged, failure);
            throw failure;
        }
        return staged;
    }

    private static boolean nothingToLoad(Platform platform, MicrocodePatch patch) {
        return platform.cpus().stream()
                .filter(cpu -> FirmwareTarget.isFor(cpu, patch))
                .allMatch(cpu -> cpu.state().revision().map(r -> !patch.vendor().wouldLoad(r, patch.revision())).orElse(false));
    }

    private static String restoredNote(List<StagedFirmware> staged) {
        List<String> notes = new ArrayList<>();
        for (StagedFirmware file : staged) {
            notes.add(file.replacedAFile() ? "restored the previous " + file.path() : "removed the staged " + file.path());
        }
        return "Firmware: " + String.join(", ", notes) + ".";
    }

    private Platform readPlatform() throws ApplyException {
        try {
            return platform();
        } catch (IOException e) {
            throw new ApplyException("reading the CPUs failed: " + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "", e);
        }
    }

    private static void keep(StagedFirmware file) throws ApplyException {
        try {
            file.keep();
        } catch (IOException e) {
            throw new ApplyException("the kernel loaded the microcode, but the copy of the previous firmware could not be "
                    + "removed: " + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(), "remove it by hand", e);
        }
    }

    private static void restoreAll(List<StagedFirmware> staged, String answer) throws ApplyException {
        ApplyException failure = new ApplyException(answer + ", and restoring the previous firmware failed", OptionalInt.empty(),
                OptionalInt.empty(), "put the kept copy (*.ucode4j-previous) back by hand", null);
        restoreAfter(staged, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void restoreAfter(List<StagedFirmware> staged, Exception failure) {
        for (StagedFirmware file : staged) {
            try {
                file.restore();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** A firmware file to stage: its name, and the CPU signature it serves. */
    private record FirmwareTarget(String name, Vendor vendor, CpuSignature signature) {

        /**
         * One target per distinct firmware name among the online CPUs the planned patch (if any) is for, named by
         * the vendor's driver as the kernel looks it up.
         */
        static List<FirmwareTarget> of(Platform platform, Optional<MicrocodePatch> planned, MicrocodeDrivers drivers)
                throws ApplyException {
            TreeSet<String> seen = new TreeSet<>();
            List<FirmwareTarget> targets = new ArrayList<>();
            for (PlatformCpu cpu : platform.cpus()) {
                Optional<Vendor> vendor = cpu.state().vendor();
                Optional<CpuSignature> signature = cpu.state().signature();
                if (vendor.isEmpty() || signature.isEmpty() || planned.isPresent() && !isFor(cpu, planned.get())) {
                    continue;
                }
                MicrocodeOps driver = drivers.forVendor(vendor.get()).orElseThrow(() -> new ApplyException("no "
                        + vendor.get().cpuidName() + " driver is installed to name its firmware file",
                        "put the ucode4j driver for " + vendor.get().cpuidName() + " on the class path"));
                String name = driver.firmwareName(signature.get());
                if (seen.add(name)) {
                    targets.add(new FirmwareTarget(name, vendor.get(), signature.get()));
                }
            }
            if (targets.isEmpty()) {
                throw new ApplyException("no online CPU " + (planned.isPresent() ? "is one the planned patch is for"
                        : "has a known vendor and signature"), "check the platform's notes (ucode4j's probe) and the plan");
            }
            return targets;
        }

        static boolean isFor(PlatformCpu cpu, MicrocodePatch patch) {
            return cpu.state().vendor().equals(Optional.of(patch.vendor())) && cpu.state().signature()
                    .map(s -> patch.targets().stream().anyMatch(t -> t.signature().equals(s))).orElse(false);
        }

    }
}
