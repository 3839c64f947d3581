package io.github.ucode4j.xen;

import io.github.ucode4j.linux.LinuxRoots;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Xen's interfaces in dom0 are: the device directory {@code /dev/xen}, and dom0's own Linux interfaces
 * (sysfs, procfs and the CPU devices of its virtual CPUs). Every file the {@code xen} backend opens or reads is
 * resolved under one of these, so tests run against fixture trees.
 *
 * @param devXen the directory of the {@code privcmd} and {@code hypercall} devices, normally {@code /dev/xen}
 * @param dom0 dom0's Linux interfaces, normally {@link LinuxRoots#SYSTEM}
 */
public record XenRoots(Path devXen, LinuxRoots dom0) {

    /** The machine's own: {@code /dev/xen}, and {@code /dev/cpu}, {@code /sys}, {@code /proc}. */
    public static final XenRoots SYSTEM = under(Path.of("/"));

    /**
     * Requires every root.
     *
     * @param devXen the directory of the {@code privcmd} and {@code hypercall} devices; not null
     * @param dom0 dom0's Linux interfaces; not null
     * @throws NullPointerException when a root is null
     */
    public XenRoots {
        Objects.requireNonNull(devXen, "devXen");
        Objects.requireNonNull(dom0, "dom0");
    }

    /**
     * The standard layout under {@code root}: {@code root/dev/xen}, and {@link LinuxRoots#under} {@code root}.
     *
     * @param root the folder that stands for {@code /}: {@code /} itself for the machine, a fixture tree in tests
     * @return the roots of a system whose {@code /} is {@code root}
     */
    public static XenRoots under(Path root) {
        return new XenRoots(root.resolve("dev/xen"), LinuxRoots.under(root));
    }

    /**
     * {@code /dev/xen/privcmd}: the hypercall device of current kernels.
     *
     * @return the path of that device under these roots; it may not exist
     */
    public Path privcmd() {
        return devXen.resolve("privcmd");
    }

    /**
     * {@code /proc/xen/privcmd}: the same device through xenfs, on kernels without {@code /dev/xen}.
     *
     * @return the path of that device under these roots; it exists only where xenfs is mounted
     */
    public Path xenfsPrivcmd() {
        return dom0.proc().resolve("xen/privcmd");
    }

    /**
     * {@code /dev/xen/hypercall}: memory the kernel keeps in place for hypercall arguments.
     *
     * @return the path of that device under these roots; older kernels do not have it
     */
    public Path hypercallMemory() {
        return devXen.resolve("hypercall");
    }

    /**
     * {@code /proc/xen/capabilities}: holds {@code control_d} in dom0 (xenfs must be mounted).
     *
     * @return the path of that file under these roots; it may not exist
     */
    public Path capabilities() {
        return dom0.proc().resolve("xen/capabilities");
    }

    /**
     * {@code /sys/hypervisor/type}: {@code xen} in any Xen domain.
     *
     * @return the path of that file under these roots; absent on a machine with no hypervisor
     */
    public Path hypervisorType() {
        return dom0.sys().resolve("hypervisor/type");
    }

    /**
     * {@code /proc/cpuinfo}: dom0's virtual CPUs.
     *
     * @return the path of that file under these roots
     */
    public Path cpuinfo() {
        return dom0.cpuinfo();
    }
}
