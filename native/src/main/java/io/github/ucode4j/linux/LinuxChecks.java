package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.Vendor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The reasons a backend on Linux cannot run here, in words a person can act on; each check answers empty when fine.
 * Shared by this module's backends and by other backends that run on Linux (such as the {@code xen} backend in dom0).
 */
public final class LinuxChecks {
    /** Where this module's backends ({@code msr}, {@code kernel}) run, for {@link #notX86Linux(String)}. */
    static final String LINUX_BACKENDS = "the Linux backends run on x86-64 Linux";

    private LinuxChecks() {
    }

    /** One check: a reason, or empty when fine. */
    @FunctionalInterface
    public interface Check {
        /**
         * Looks at the machine.
         *
         * @return why the backend cannot run here, or empty when this check finds nothing in the way
         * @throws IOException when the machine's state could not be read
         * @throws ApplyException when the check could not look (the message says why)
         */
        Optional<String> reason() throws IOException, ApplyException;
    }

    /**
     * The first reason any check gives, in order; a check that cannot look is a reason in itself.
     *
     * @param checks the checks, in the order they are asked; later ones are not asked once one gives a reason
     * @return the first reason, or empty when every check is fine
     */
    public static Optional<String> firstReason(Check... checks) {
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

    /**
     * Microcode is an x86 matter, and these interfaces are Linux's: a reason unless this is x86-64 Linux.
     *
     * @param backendDescription which backend needs what, completing {@code "this is OS on ARCH: ... only"}, e.g.
     *     {@code "the Linux backends run on x86-64 Linux"}
     * @return {@code "this is OS on ARCH: <backendDescription> only"}, or empty on x86-64 Linux
     */
    public static Optional<String> notX86Linux(String backendDescription) {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.equals("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("this is " + os + " on " + arch + ": " + backendDescription + " only");
        }
        return Optional.empty();
    }

    /**
     * Device files, the kernel's reload and hypercalls need root.
     *
     * @param euid the effective user id of this process
     * @param what what needs root, the subject of {@code "... needs root"}, e.g. {@code "the kernel's microcode reload"}
     * @return {@code "<what> needs root (effective user id is N): run as root"}, or empty when {@code euid} is 0
     */
    public static Optional<String> notRoot(int euid, String what) {
        return euid == 0 ? Optional.empty() : Optional.of(what + " needs root (effective user id is " + euid + "): run as root");
    }

    /**
     * The kernel resolves some paths a process hands it (firmware files among them) in init's mount namespace, not the
     * process's own: a reason when this process runs in another one, as in most containers.
     *
     * @param roots where {@code /proc} is; without {@code self/ns/mnt} and {@code 1/ns/mnt} there, nothing is known and
     *     no reason is given
     * @param who what needs it, the subject of the reason ({@code "the kernel backend"})
     * @return the reason, or empty
     */
    static Optional<String> otherMountNamespace(LinuxRoots roots, String who) throws IOException {
        Path own = roots.proc().resolve("self/ns/mnt");
        Path init = roots.proc().resolve("1/ns/mnt");
        if (!Files.isSymbolicLink(own) || !Files.isSymbolicLink(init)) {
            return Optional.empty();
        }
        Path ownNamespace = Files.readSymbolicLink(own);
        Path initNamespace = Files.readSymbolicLink(init);
        if (ownNamespace.equals(initNamespace)) {
            return Optional.empty();
        }
        return Optional.of("this process runs in another mount namespace than init (" + own + " is " + ownNamespace + ", "
                + init + " is " + initNamespace + "), as in a container: the kernel looks firmware up in init's, where "
                + "this process's files are not where it sees them; " + who + " must run in the host's mount namespace");
    }

    /** {@code msr.allow_writes=off} makes every MSR write fail with EPERM. */
    static Optional<String> msrWritesDisabled(LinuxRoots roots) throws IOException {
        Path setting = roots.sys().resolve("module/msr/parameters/allow_writes");
        if (Files.isRegularFile(setting) && Files.readString(setting).strip().equals("off")) {
            return Optional.of("MSR writes are disabled (" + setting + " is 'off'): boot with msr.allow_writes=on, "
                    + "or write 'on' to that file as root");
        }
        return Optional.empty();
    }

    /** Kernel lockdown (Secure Boot turns it on) refuses MSR writes from user space. */
    static Optional<String> lockedDown(LinuxRoots roots) throws IOException {
        Path lockdown = roots.sys().resolve("kernel/security/lockdown");
        if (!Files.isRegularFile(lockdown)) {
            return Optional.empty();
        }
        String modes = Files.readString(lockdown).strip();
        for (String mode : new String[] {"integrity", "confidentiality"}) {
            if (modes.contains("[" + mode + "]")) {
                return Optional.of("the kernel is locked down (" + mode + " mode, " + lockdown + "; Secure Boot turns it on): "
                        + "it refuses MSR writes from user space; load microcode through the kernel or at boot instead");
            }
        }
        return Optional.empty();
    }

    /** Only Intel and AMD microcode is understood. */
    static Optional<String> unknownVendor(LinuxRoots roots) throws IOException {
        Optional<String> vendor = CpuInfo.read(roots.cpuinfo()).processors().values().stream()
                .map(fields -> fields.get("vendor_id")).filter(v -> v != null).findFirst();
        if (vendor.isPresent() && Vendor.fromCpuidName(vendor.get()).isEmpty()) {
            return Optional.of("the CPU vendor is '" + vendor.get() + "': ucode4j loads only Intel and AMD microcode");
        }
        return Optional.empty();
    }
}
