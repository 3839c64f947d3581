package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.Libc;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An open line to the hypervisor: the privcmd device and one page of hypercall-safe memory for platform and sysctl
 * ops.
 * Opened per task and closed after it. Not thread-safe.
 *
 * <p>The microcode and topology hypercalls are logged at {@code DEBUG} with Xen's answer.
 */
final class XenSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(XenSession.class.getName());
    private static final int OP_SIZE = Math.max(PlatformOp.SIZE, SysctlOp.SIZE);

    private final Libc libc;
    private final XenRoots roots;
    private final Privcmd privcmd;
    private final HypercallBuffer opBuffer;

    private XenSession(Libc libc, XenRoots roots, Privcmd privcmd, HypercallBuffer opBuffer) {
        this.libc = libc;
        this.roots = roots;
        this.privcmd = privcmd;
        this.opBuffer = opBuffer;
    }

    /**
     * Opens the privcmd device and maps the memory for platform ops.
     *
     * @throws ApplyException when either fails, saying what to do
     */
    static XenSession open(Libc libc, XenRoots roots) throws ApplyException {
        Privcmd privcmd = Privcmd.open(libc, roots);
        try {
            return new XenSession(libc, roots, privcmd, HypercallBuffer.allocate(libc, roots.hypercallMemory(), OP_SIZE));
        } catch (ApplyException | RuntimeException e) {
            try {
                privcmd.close();
            } catch (ErrnoException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * The hypervisor's version.
     *
     * @throws ApplyException when Xen does not answer
     */
    XenVersion version() throws ApplyException {
        try {
            return XenVersion.decode(privcmd.call(Hypercall.xenVersion()));
        } catch (ErrnoException e) {
            throw e.in("asking Xen its version (xen_version)", OptionalInt.empty(), "check that this is dom0 and run as root");
        }
    }

    /**
     * Makes the platform op {@code op} (136 bytes, as {@link PlatformOp} encodes it).
     *
     * @return the op as Xen left it, holding the command's answer
     * @throws ErrnoException with the errno Xen answered
     */
    ByteBuffer platformOp(ByteBuffer op) throws ErrnoException {
        opBuffer.write(op);
        privcmd.call(Hypercall.platformOp(opBuffer.address()));
        return opBuffer.read(PlatformOp.SIZE);
    }

    /**
     * Asks {@code XEN_SYSCTL_cputopoinfo} where the physical CPUs 0 to {@code cpus - 1} sit.
     *
     * @param interfaceVersion the sysctl interface version of this Xen ({@link SysctlOp#interfaceVersion})
     * @return by physical CPU number, as many as Xen filled (up to its last online CPU)
     * @throws ErrnoException with the errno Xen answered (EACCES: another interface version)
     * @throws ApplyException when the memory for the answer cannot be had
     */
    List<Optional<PhysicalCore>> cpuTopology(int interfaceVersion, int cpus) throws ApplyException, ErrnoException {
        try (HypercallBuffer entries = HypercallBuffer.allocate(libc, roots.hypercallMemory(), cpus * PhysicalCore.SIZE)) {
            opBuffer.write(SysctlOp.cpuTopologyInfo(interfaceVersion, cpus, entries.address()));
            privcmd.call(Hypercall.sysctl(opBuffer.address()));
            int filled = Math.max(0, Math.min(cpus, SysctlOp.filledCpus(opBuffer.read(SysctlOp.SIZE))));
            LOG.log(Level.DEBUG, () -> "XEN_SYSCTL_cputopoinfo for " + cpus + " CPUs: Xen filled " + filled);
            return PhysicalCore.decode(entries.read(filled * PhysicalCore.SIZE), filled);
        }
    }

    /**
     * Copies {@code blob} into hypercall-safe memory and hands it to Xen: {@code XENPF_microcode_update}, or
     * {@code XENPF_microcode_update2} with {@code XENPF_UCODE_FORCE} when {@code force}.
     *
     * @return Xen's answer: 0 when it loaded, else the errno
     * @throws ApplyException when the memory for the blob cannot be had
     */
    int loadMicrocode(ByteBuffer blob, boolean force) throws ApplyException {
        int length = blob.remaining();
        try (HypercallBuffer data = HypercallBuffer.allocate(libc, roots.hypercallMemory(), length)) {
            data.write(blob);
            ByteBuffer op = force ? PlatformOp.microcodeUpdate2(PlatformOp.UCODE_FORCE, data.address(), length)
                    : PlatformOp.microcodeUpdate(data.address(), length);
            String call = (force ? "XENPF_microcode_update2 (XENPF_UCODE_FORCE)" : "XENPF_microcode_update") + " of " + length + " bytes";
            try {
                platformOp(op);
                LOG.log(Level.DEBUG, () -> call + ": Xen answered 0, loaded");
                return 0;
            } catch (ErrnoException e) {
                LOG.log(Level.DEBUG, () -> call + ": Xen answered " + Errno.describe(e.errnoValue()));
                return e.errnoValue();
            }
        }
    }

    /**
     * Unmaps the memory and closes the device.
     *
     * @throws ApplyException when the kernel refuses
     */
    @Override
    public void close() throws ApplyException {
        try {
            opBuffer.close();
        } finally {
            privcmd.close();
        }
    }
}
