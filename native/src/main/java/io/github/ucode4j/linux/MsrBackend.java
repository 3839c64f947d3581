package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.PerCpuBackend;
import io.github.ucode4j.linux.host.LinuxChecks;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code msr} backend: loads a patch on bare metal by writing its address to the vendor's trigger MSR through
 * {@code /dev/cpu/N/msr} (Intel 0x79, AMD 0xC0010020), one CPU at a time, inside ucode4j's rendezvous.
 *
 * <p>{@link #prepare} copies the patch into locked memory, aligned as the vendor requires, and computes the address
 * by the {@link MsrAddressPolicy}; {@link #apply} reads the revision, writes the trigger, and reads the revision
 * again, and reports success only when the CPU reports the patch's revision afterwards.
 *
 * <p>Every MSR write through {@code /dev/cpu/N/msr} taints the kernel ({@code CPU_OUT_OF_SPEC}), and the Intel
 * revision read is such a write (0 to MSR 0x8B), so only a load writes: {@link #platform} reads, and takes the
 * Intel revision from the kernel's view. The kernel is not told of a load: {@code /proc/cpuinfo} and sysfs
 * {@code microcode/version} keep the revision the kernel last read, and whatever the kernel decided from it at
 * boot (mitigations, say) is not revisited. {@link #LOAD_CAVEAT} says so wherever a plan is shown.
 *
 * <p>Thread-safe for the rendezvous' use: {@link #prepare} (once per patch) before the window, then
 * {@link #apply} and {@link #readRevision} concurrently from threads pinned to distinct CPUs, and
 * {@link #release} when the load is over. Each patch prepared and each release is logged at {@code DEBUG}, each
 * thread pinned at {@code TRACE}; {@link #apply} logs nothing, as it runs inside the stopped window (the rendezvous
 * reports each CPU's result).
 */
public final class MsrBackend implements PerCpuBackend {
    private static final System.Logger LOG = System.getLogger(MsrBackend.class.getName());
    /** The backend's name. */
    public static final String NAME = "msr";
    /** Below the kernel's own loader, which is preferred where it exists. */
    public static final int PRIORITY = 100;
    /**
     * What a load through this backend leaves behind. The platform carries it as a note, so that every plan made
     * through this backend shows it before anything is loaded.
     */
    public static final String LOAD_CAVEAT = "a load through msr taints the kernel (CPU_OUT_OF_SPEC, 'S': bit 2 of "
            + "/proc/sys/kernel/tainted), leaves /proc/cpuinfo and sysfs microcode/version showing the old revision, "
            + "and the kernel does not re-evaluate its mitigations or CPU bug flags: prefer an early load at boot, or "
            + "the kernel backend where the kernel can late-load";
    /**
     * What a revision from the kernel's view (sysfs, {@code /proc/cpuinfo}) does not show under this backend; the
     * platform notes it for every CPU whose revision comes from there.
     */
    public static final String KERNEL_VIEW_CAVEAT = "the kernel's view, which a load through the msr backend since boot "
            + "does not update (ucode4j's rendezvous reads the CPU itself when it loads)";

    private final LinuxRoots roots;
    private final MsrOptions options;
    private final LazyHardware hardware;
    private volatile MsrRevisions revisions;
    /** Every patch prepared since the last {@link #release}; replaced as a whole, so readers need no lock. */
    private volatile List<PreparedPatch> prepared = List.of();

    /**
     * The machine's own backend, with options from the system properties ({@link MsrOptions#fromSystemProperties}).
     *
     * @throws IllegalArgumentException when a property is malformed (discovery reports the provider as broken)
     */
    public MsrBackend() {
        this(LinuxRoots.SYSTEM, MsrOptions.fromSystemProperties());
    }

    /**
     * A backend for the machine under {@code roots}, addressing patches as {@code options} say.
     *
     * @param roots where the CPU devices, sysfs, procfs and the run directory are; {@link LinuxRoots#SYSTEM} for
     *     this machine, a fixture tree in tests
     * @param options which address the trigger MSR is given; {@link MsrOptions#DEFAULT} for the user address
     */
    public MsrBackend(LinuxRoots roots, MsrOptions options) {
        this(roots, options, Hardware.MACHINE);
    }

    MsrBackend(LinuxRoots roots, MsrOptions options, Hardware.Factory factory) {
        this.roots = roots;
        this.options = options;
        this.hardware = new LazyHardware(roots, factory);
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
                () -> LinuxChecks.notX86Linux(BackendChecks.LINUX_BACKENDS),
                () -> Files.exists(roots.msr(0)) ? Optional.empty()
                        : Optional.of(roots.msr(0) + " is missing: load the msr module (modprobe msr)"),
                () -> LinuxChecks.notRoot(hardware.effectiveUid(), "writing MSRs through /dev/cpu/N/msr"),
                () -> BackendChecks.msrWritesDisabled(roots),
                () -> BackendChecks.lockedDown(roots),
                () -> BackendChecks.unknownVendor(roots));
    }

    /**
     * Reads every online CPU and writes no MSR: the AMD revision from MSR 0x8B where the msr device answers, the
     * Intel one from the kernel's view with {@link #KERNEL_VIEW_CAVEAT}; {@link #LOAD_CAVEAT} is the last note.
     */
    @Override
    public Platform platform() throws IOException {
        return hardware.probe(NAME, Optional.of(KERNEL_VIEW_CAVEAT)).withNote(LOAD_CAVEAT);
    }

    /**
     * Copies {@code patch} into locked memory with the byte at {@code protocol.addressOffset()} aligned, and
     * computes the address to give the CPU. Patches prepared before stay ready (a plan for CPUs of two steppings
     * has two), until {@link #release}; preparing the same patch again does nothing.
     */
    @Override
    public synchronized void prepare(MicrocodePatch patch, LoadProtocol protocol) throws ApplyException {
        if (patch.vendor() != protocol.vendor()) {
            throw new ApplyException("a " + patch.vendor() + " patch cannot be loaded by the " + protocol.vendor() + " protocol", "");
        }
        if (patch.size() <= protocol.addressOffset()) {
            throw new ApplyException("the patch has " + patch.size() + " bytes, fewer than the protocol's address offset "
                    + protocol.addressOffset(), "");
        }
        if (find(patch, protocol).isPresent()) {
            return;
        }
        Hardware hw = hardware.get();
        LockedBuffer buffer = LockedBuffer.copyOf(hw.libc(), patch.bytes(), protocol.addressOffset(), protocol.alignment());
        try {
            List<PreparedPatch> more = new ArrayList<>(prepared);
            PreparedPatch placed = place(hw, patch, protocol, buffer);
            more.add(placed);
            prepared = List.copyOf(more);
            LOG.log(Level.DEBUG, () -> "prepared " + patch + " in locked memory: " + placed.addressDescription());
        } catch (ApplyException e) {
            buffer.close();
            throw e;
        }
    }

    private PreparedPatch place(Hardware hw, MicrocodePatch patch, LoadProtocol protocol, LockedBuffer buffer) throws ApplyException {
        long userAddress = buffer.address() + protocol.addressOffset();
        if (options.addressPolicy() == MsrAddressPolicy.USER_ADDRESS) {
            return new PreparedPatch(patch, protocol, buffer, userAddress,
                    String.format("user address 0x%x, from a thread pinned to the CPU", userAddress));
        }
        requireKnownPhysmapBase();
        long physical = hw.physical().physicalAddressOf(buffer.address(), buffer.size()) + protocol.addressOffset();
        long kernelAddress = options.physmapBase() + physical;
        String base = options.physmapBase() == MsrOptions.NON_KASLR_PHYSMAP_BASE ? "the non-KASLR default; kernel booted with nokaslr"
                : "configured";
        return new PreparedPatch(patch, protocol, buffer, kernelAddress, String.format(
                "kernel direct-map address 0x%x = physmap base 0x%x (%s) + physical 0x%x",
                kernelAddress, options.physmapBase(), base, physical));
    }

    /**
     * The non-KASLR base is right only when the kernel was booted with {@code nokaslr}; a wrong base would have
     * the CPU read an arbitrary kernel address, so it is refused rather than tried.
     */
    private void requireKnownPhysmapBase() throws ApplyException {
        if (options.physmapBase() != MsrOptions.NON_KASLR_PHYSMAP_BASE) {
            return;
        }
        Path cmdline = roots.proc().resolve("cmdline");
        try {
            if (Files.isRegularFile(cmdline) && List.of(Files.readString(cmdline).strip().split("\\s+")).contains("nokaslr")) {
                return;
            }
        } catch (IOException e) {
            throw new ApplyException("reading " + cmdline + " failed: " + e.getMessage(), OptionalInt.empty(), OptionalInt.empty(),
                    "", e);
        }
        throw new ApplyException("the physmap base is the non-KASLR default 0x" + Long.toHexString(options.physmapBase())
                + ", but the kernel was not booted with nokaslr, so its direct map may be elsewhere",
                "give the real base (-D" + MsrOptions.PHYSMAP_PROPERTY + "=0x...), boot with nokaslr, or use the user address");
    }

    /** Binds the calling thread to {@code cpu} and opens its MSR device, so that {@link #apply} opens nothing. */
    @Override
    public void pinCurrentThread(LogicalCpu cpu) throws ApplyException {
        Hardware hw = hardware.get();
        hw.pinning().pinCurrentThread(cpu.index());
        hw.msr().open(cpu.index());
        LOG.log(Level.TRACE, () -> "pinned a thread to CPU " + cpu.index() + " and opened its msr device");
    }

    @Override
    public CpuResult apply(LogicalCpu cpu, MicrocodePatch patch, LoadProtocol protocol) {
        int index = cpu.index();
        Optional<PreparedPatch> found = find(patch, protocol);
        if (found.isEmpty()) {
            return MsrLoadResults.notWritten(index, Optional.empty(), "the patch was not prepared (call prepare first)", OptionalInt.empty());
        }
        PreparedPatch ready = found.get();
        Hardware hw;
        Revision before;
        try {
            hw = hardware.get();
            before = readRevision(cpu, protocol);
        } catch (ApplyException e) {
            return MsrLoadResults.notWritten(index, Optional.empty(), "the revision could not be read: " + e.getMessage(), e.errno());
        }
        Optional<String> misplaced = misplacedThread(hw, index);
        if (misplaced.isPresent()) {
            return MsrLoadResults.notWritten(index, Optional.of(before), misplaced.get(), OptionalInt.empty());
        }
        try {
            hw.msr().write(index, protocol.triggerMsr(), ready.triggerAddress());
        } catch (ApplyException e) {
            return MsrLoadResults.writeFailed(index, ready, before, e);
        }
        try {
            return MsrLoadResults.afterWrite(index, ready, before, readRevision(cpu, protocol));
        } catch (ApplyException e) {
            return MsrLoadResults.readAfterFailed(index, ready, before, e);
        }
    }

    /** A user address is valid only in this process, and the kernel uses it only when the write runs on this CPU. */
    private Optional<String> misplacedThread(Hardware hw, int cpu) {
        if (options.addressPolicy() != MsrAddressPolicy.USER_ADDRESS) {
            return Optional.empty();
        }
        try {
            int running = hw.pinning().currentCpu();
            return running == cpu ? Optional.empty()
                    : Optional.of("the thread runs on CPU " + running + ", and a user address is usable only from a thread "
                            + "pinned to the CPU it loads (call pinCurrentThread first)");
        } catch (ApplyException e) {
            return Optional.of("the thread's CPU could not be checked: " + e.getMessage());
        }
    }

    @Override
    public Revision readRevision(LogicalCpu cpu, LoadProtocol protocol) throws ApplyException {
        return revisions().read(cpu.index(), protocol.vendor());
    }

    private Optional<PreparedPatch> find(MicrocodePatch patch, LoadProtocol protocol) {
        List<PreparedPatch> ready = prepared;
        for (int i = 0; i < ready.size(); i++) {
            if (ready.get(i).isFor(patch, protocol)) {
                return Optional.of(ready.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Frees every prepared copy. Call it once the load is over: unmapping also drops every CPU's TLB entry for the
     * patches' pages, which AMD family 17h leaves uncached after a load (the kernel's loader flushes it with
     * INVLPG, which user space cannot execute).
     *
     * @throws ApplyException when memory cannot be unlocked or unmapped (every copy is still attempted)
     */
    @Override
    public synchronized void release() throws ApplyException {
        List<PreparedPatch> old = prepared;
        prepared = List.of();
        LOG.log(Level.DEBUG, () -> "released " + old.size() + " prepared patches");
        ApplyException failure = null;
        for (PreparedPatch patch : old) {
            try {
                patch.buffer().close();
            } catch (ApplyException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The revision reader over this backend's hardware and the vendor drivers; made once. */
    private MsrRevisions revisions() throws ApplyException {
        MsrRevisions current = revisions;
        if (current == null) {
            Hardware hw = hardware.get();
            current = new MsrRevisions(hardware.drivers(), hw.msr(), hw.cpuid());
            revisions = current;
        }
        return current;
    }
}
