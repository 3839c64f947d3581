package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.api.spi.SystemBackend;
import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.linux.host.LinuxChecks;
import io.github.ucode4j.linux.host.RevisionChanges;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.Libc;
import io.github.ucode4j.linux.libc.LibcLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code xen} backend: microcode loaded from dom0 by the Xen hypervisor. The dom0 kernel sees only virtual
 * CPUs and its own loader is disabled; Xen owns the physical ones. This backend hands Xen the whole firmware file
 * through the privcmd hypercall ({@code XENPF_microcode_update}, or {@code XENPF_microcode_update2} with FORCE on
 * Xen 4.20 and later), and Xen picks the patch, rendezvouses every physical CPU and loads. The platform is Xen's
 * physical CPUs, read through platform hypercalls.
 *
 * <p>Nothing is touched until used: discovery may construct it anywhere. Thread-safe: loads are serialised.
 */
public final class XenBackend implements SystemBackend {
    /** The backend's name. */
    public static final String NAME = "xen";
    /** Above {@code kernel} and {@code msr}: in dom0 only Xen can reach the physical CPUs. */
    public static final int PRIORITY = 300;

    private final XenRoots roots;
    private final LibcLoader libcs;
    /** Set once a load has been asked of Xen: from then on dom0's /proc/cpuinfo shows revisions that may be gone. */
    private volatile boolean loadRequested;

    /** The machine's own Xen. */
    public XenBackend() {
        this(XenRoots.SYSTEM);
    }

    /**
     * The Xen whose devices, sysfs and procfs are under {@code roots}.
     *
     * @param roots where dom0's Xen devices, sysfs and procfs are; {@link XenRoots#SYSTEM} for this machine, a
     *     fixture tree in tests
     */
    public XenBackend(XenRoots roots) {
        this(roots, JnaLibc::load);
    }

    XenBackend(XenRoots roots, LibcLoader libcs) {
        this.roots = roots;
        this.libcs = libcs;
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
                () -> LinuxChecks.notX86Linux(Dom0Checks.XEN_BACKEND),
                () -> Dom0Checks.notDom0(roots),
                () -> Dom0Checks.privcmdMissing(roots),
                () -> Dom0Checks.notRoot(libcs.load().geteuid()));
    }

    /**
     * Reads Xen's online physical CPUs: vendor and signature everywhere, platform flags and revision from Xen 4.18
     * on; before 4.18 the revision and the Intel platform flags are MSR 0x8B and MSR 0x17 read through dom0's msr
     * device, each labelled so, the revision falling back to dom0's {@code /proc/cpuinfo} until a load is asked, or
     * unknown.
     *
     * @throws IOException when Xen cannot be asked (not dom0, not root, no privcmd) or does not answer
     */
    @Override
    public Platform platform() throws IOException {
        try {
            return readPlatform();
        } catch (ApplyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Hands {@code blob}, a firmware file in the vendor's format, to Xen, and reports Xen's answer with the
     * revisions re-read where Xen can give them (4.18 and later). An EBUSY is retried once.
     *
     * @throws ApplyException when the backend cannot run here, a forced load is asked of a Xen before 4.20, or
     *     the request cannot be made (no device, no hypercall-safe memory)
     */
    @Override
    public synchronized SystemResult applySystem(ByteBuffer blob, ApplyOptions options) throws ApplyException {
        requireAvailable();
        Libc libc = libcs.load();
        XenVersion version = version(libc);
        if (options.force() && !version.atLeast(XenVersion.FORCED_LOAD)) {
            throw new ApplyException("this Xen (" + version + ") cannot force a load; it needs "
                    + XenVersion.FORCED_LOAD + " or later", "load without force, or upgrade Xen");
        }
        boolean revisionsReadable = version.atLeast(XenVersion.REVISION_HYPERCALL);
        Optional<Platform> before = revisionsReadable ? Optional.of(readPlatform()) : Optional.empty();
        loadRequested = true;
        Optional<XenLoad.Answer> answer = XenLoad.run(libc, roots, blob, options.force(), options.timeout());
        if (answer.isEmpty()) {
            return LoadResults.timedOut(options.timeout().toString());
        }
        String revisions = before.isPresent() ? revisionsAfter(before.get())
                : "Xen " + version + " cannot itself report the revisions now running; with the msr module, dom0 reads them"
                        + " through its virtual CPUs";
        return LoadResults.of(answer.get().errno(), answer.get().afterBusy(), version, revisions);
    }

    /** The change since {@code before}; Xen's answer to the load matters more than a failed re-read. */
    private String revisionsAfter(Platform before) {
        try {
            return RevisionChanges.describe("Revisions re-read from Xen", before, readPlatform());
        } catch (ApplyException e) {
            return "The revisions could not be re-read: " + e.getMessage();
        }
    }

    private XenVersion version(Libc libc) throws ApplyException {
        try (XenSession session = XenSession.open(libc, roots)) {
            return session.version();
        }
    }

    private Platform readPlatform() throws ApplyException {
        // Without a privcmd device there is nothing to open, and no native code needs loading to learn that.
        Optional<String> missing = Dom0Checks.privcmdMissing(roots);
        if (missing.isPresent()) {
            throw new ApplyException(missing.get(), "");
        }
        Libc libc = libcs.load();
        try (XenSession session = XenSession.open(libc, roots); CpuDevices dom0Devices = new CpuDevices(libc, roots.dom0())) {
            return new XenPlatformProbe(session, new Dom0View(dom0CpuInfo(), dom0Devices, loadRequested),
                    MicrocodeDrivers.load()).probe(NAME, session.version());
        }
    }

    private CpuInfo dom0CpuInfo() throws ApplyException {
        try {
            return CpuInfo.read(roots.cpuinfo());
        } catch (IOException e) {
            throw new ApplyException("reading dom0's " + roots.cpuinfo() + " failed: " + e.getMessage(), OptionalInt.empty(),
                    OptionalInt.empty(), "", e);
        }
    }
}
