package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The reasons the {@code xen} backend cannot run here, in words a person can act on; each answers empty when fine. */
final class Dom0Checks {
    private Dom0Checks() {
    }

    /** One check: a reason, or empty when fine. */
    @FunctionalInterface
    interface Check {
        Optional<String> reason() throws IOException, ApplyException;
    }

    /** The first reason any check gives, in order; a check that cannot look is a reason in itself. */
    static Optional<String> firstReason(Check... checks) {
        for (Check check : checks) {
            try {
                Optional<String> reason = check.reason();
                if (reason.isPresent()) {
                    return reason;
                }
            } catch (ApplyException e) {
                return Optional.of(e.getMessage());
            } catch (IOException e) {
                return Optional.of("the machine's state could not be read: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Microcode is an x86 matter, and privcmd is Linux's. */
    static Optional<String> notX86Linux() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("this is " + os + " on " + arch + ": the xen backend runs in an x86-64 Linux dom0 only");
        }
        return Optional.empty();
    }

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
        return euid == 0 ? Optional.empty()
                : Optional.of("hypercalls through privcmd need root (effective user id is " + euid + "): run as root in dom0");
    }
}
