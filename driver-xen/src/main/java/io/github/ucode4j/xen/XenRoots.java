package io.github.ucode4j.xen;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Xen's interfaces in dom0 are: the device directory {@code /dev/xen}, sysfs and procfs. Every file the
 * {@code xen} backend opens or reads is resolved under one of these, so tests run against fixture trees.
 *
 * @param devXen the directory of the {@code privcmd} and {@code hypercall} devices, normally {@code /dev/xen}
 * @param sys the sysfs mount, normally {@code /sys}
 * @param proc the procfs mount, normally {@code /proc}
 */
public record XenRoots(Path devXen, Path sys, Path proc) {

    /** The machine's own: {@code /dev/xen}, {@code /sys}, {@code /proc}. */
    public static final XenRoots SYSTEM = under(Path.of("/"));

    /** Requires every root. */
    public XenRoots {
        Objects.requireNonNull(devXen, "devXen");
        Objects.requireNonNull(sys, "sys");
        Objects.requireNonNull(proc, "proc");
    }

    /** The standard layout under {@code root}: {@code root/dev/xen}, {@code root/sys}, {@code root/proc}. */
    public static XenRoots under(Path root) {
        return new XenRoots(root.resolve("dev/xen"), root.resolve("sys"), root.resolve("proc"));
    }

    /** {@code /dev/xen/privcmd}: the hypercall device of current kernels. */
    public Path privcmd() {
        return devXen.resolve("privcmd");
    }

    /** {@code /proc/xen/privcmd}: the same device through xenfs, on kernels without {@code /dev/xen}. */
    public Path xenfsPrivcmd() {
        return proc.resolve("xen/privcmd");
    }

    /** {@code /dev/xen/hypercall}: memory the kernel keeps in place for hypercall arguments. */
    public Path hypercallMemory() {
        return devXen.resolve("hypercall");
    }

    /** {@code /proc/xen/capabilities}: holds {@code control_d} in dom0 (xenfs must be mounted). */
    public Path capabilities() {
        return proc.resolve("xen/capabilities");
    }

    /** {@code /sys/hypervisor/type}: {@code xen} in any Xen domain. */
    public Path hypervisorType() {
        return sys.resolve("hypervisor/type");
    }

    /** {@code /proc/cpuinfo}: dom0's virtual CPUs. */
    public Path cpuinfo() {
        return proc.resolve("cpuinfo");
    }
}
