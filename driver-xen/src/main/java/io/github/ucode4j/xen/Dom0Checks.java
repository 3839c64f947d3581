package io.github.ucode4j.xen;

import io.github.ucode4j.linux.host.LinuxChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reasons the {@code xen} backend cannot run here that are Xen's, in words a person can act on; each answers empty
 * when fine. The checks any backend on Linux makes are in {@link LinuxChecks}.
 */
final class Dom0Checks {
    private Dom0Checks() {
    }

    /** Where the {@code xen} backend runs, for {@link LinuxChecks#notX86Linux(String)}. */
    static final String XEN_BACKEND = "the xen backend runs in an x86-64 Linux dom0";

    /** What needs root, for {@link LinuxChecks#notRoot(int, String)}: Xen's privcmd device is root's. */
    static final String PRIVCMD_HYPERCALLS = "making hypercalls through privcmd in dom0";

    /**
     * Dom0 is where {@code /proc/xen/capabilities} holds {@code control_d}; without xenfs mounted, any Xen domain
     * ({@code /sys/hypervisor/type} is {@code xen}) is taken as dom0 when it has a privcmd device (the next check),
     * and Xen refuses the hypercalls if it is not.
     */
    static Optional<String> notDom0(XenRoots roots) throws IOException {
        Path capabilities = roots.capabilities();
        if (Files.isRegularFile(capabilities)) {
            return Files.readString(capabilities).contains("control_d") ? Optional.empty()
                    : Optional.of("this is a Xen guest (domU): " + capabilities + " lacks control_d; microcode is loaded "
                            + "from dom0 (or by the host's administrator)");
        }
        Path type = roots.hypervisorType();
        if (!Files.isRegularFile(type) || !Files.readString(type).strip().equals("xen")) {
            return Optional.of("not running under Xen: " + capabilities + " is missing and " + type + " does not say 'xen'");
        }
        return Optional.empty();
    }

    /** The privcmd device carries every hypercall. */
    static Optional<String> privcmdMissing(XenRoots roots) {
        if (Files.exists(roots.privcmd()) || Files.exists(roots.xenfsPrivcmd())) {
            return Optional.empty();
        }
        return Optional.of("no privcmd device (" + roots.privcmd() + ", " + roots.xenfsPrivcmd() + "): load it (modprobe "
                + "xen-privcmd) or mount xenfs (mount -t xenfs xenfs /proc/xen)");
    }

    /** Xen's privcmd device is root's. */
    static Optional<String> notRoot(int euid) {
        return LinuxChecks.notRoot(euid, PRIVCMD_HYPERCALLS);
    }
}
