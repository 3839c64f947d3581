package io.github.ucode4j.linux;

import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.linux.host.LinuxChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reasons the {@code msr} and {@code kernel} backends cannot run here that only they have; each check answers empty
 * when fine. The reasons every backend on Linux shares are in {@link LinuxChecks}.
 */
final class BackendChecks {
    /** Where this module's backends ({@code msr}, {@code kernel}) run, for {@code LinuxChecks.notX86Linux}. */
    static final String LINUX_BACKENDS = "the Linux backends run on x86-64 Linux";

    private BackendChecks() {
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
