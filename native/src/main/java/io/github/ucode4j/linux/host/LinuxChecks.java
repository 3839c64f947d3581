package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The reasons a backend on Linux cannot run here, in words a person can act on; each check answers empty when fine.
 * Shared by the {@code msr} and {@code kernel} backends and by the {@code xen} backend in dom0.
 */
public final class LinuxChecks {
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
     * The effective user id {@code status}, a process's {@code /proc/PID/status}, gives on its {@code Uid:} line (real,
     * effective, saved and file-system ids): read so, it needs no native code.
     *
     * @param status the process's status file, normally {@code /proc/self/status}
     * @return the effective user id, or empty when the file cannot be read or has no such line
     */
    public static OptionalInt effectiveUid(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length < 2 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(ids[1]));
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // The caller asks the C library instead.
        }
        return OptionalInt.empty();
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
}
