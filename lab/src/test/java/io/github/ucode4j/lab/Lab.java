package io.github.ucode4j.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The lab as the tests see it: the scripts next to this module (setup.sh prepares the machine, boot.sh boots), the
 * unpacked Debian tree and the working tree the guests run the ucode command from.
 */
final class Lab {
    /** Each boot is bounded by boot.sh; this is the slack on top for QEMU to be killed and the script to end. */
    private static final Duration HARNESS_SLACK = Duration.ofSeconds(30);

    private static Path guestJar;

    private final Path labDirectory = Path.of(System.getProperty("ucode4j.lab.dir", ".")).toAbsolutePath().normalize();
    private final Path outputDirectory = Path.of(System.getProperty("ucode4j.lab.output", "target/lab")).toAbsolutePath();
    private final Map<String, BootResult> boots = new HashMap<>();

    /** The working tree the guest mounts read-only: the host's root, so the same paths hold inside. */
    Path repository() {
        return labDirectory.getParent();
    }

    /** Where fetch-debian.sh unpacked the packages (UCODE4J_CACHE moves it, as for the scripts). */
    Path debianRoot() {
        return debianCache().resolve("root");
    }

    /** Where it unpacked the next Debian release's packages (Xen 4.20): lab-env.sh's next_root. */
    Path nextReleaseRoot() {
        return debianCache().resolve("root-trixie");
    }

    private Path debianCache() {
        String cache = System.getenv("UCODE4J_CACHE");
        return (cache != null ? Path.of(cache) : repository().resolve(".cache")).resolve("debian");
    }

    /** Where the boots keep their scripts, serial consoles and generated files; the guest sees it too. */
    Path outputDirectory() throws IOException {
        return Files.createDirectories(outputDirectory);
    }

    /** The ucode command's runnable jar, which the guests run. */
    Path ucodeJar() {
        return repository().resolve("examples/cli/target/ucode.jar");
    }

    /**
     * The jar the guests run: a copy of the working tree's, taken once per test run, so that a rebuild of the tree
     * while the lab runs (a guest reads the jar through 9p as it goes) cannot mix two builds in one JVM.
     */
    static synchronized Path guestJar(Lab lab) throws IOException {
        if (guestJar == null) {
            Path copy = Files.createDirectories(lab.outputDirectory().resolve("jars")).resolve(lab.ucodeJar().getFileName());
            Files.copy(lab.ucodeJar(), copy, StandardCopyOption.REPLACE_EXISTING);
            guestJar = copy;
        }
        return guestJar;
    }

    Path firmware() {
        return debianRoot().resolve("lib/firmware");
    }

    /**
     * Skips the calling test with a loud message when the lab cannot run here; under CI ({@code CI=true}) fails it
     * instead, because there the lab must run.
     */
    void assumeReady() {
        Optional<String> missing = missingPrerequisite();
        if (missing.isEmpty()) {
            return;
        }
        String message = "QEMU LAB NOT RUN: " + missing.get() + " (prepare the machine with lab/setup.sh, as root)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        System.err.println("\n*** " + message + " ***\n");
        Assumptions.abort(message);
    }

    private Optional<String> missingPrerequisite() {
        if (!onPath("qemu-system-x86_64")) {
            return Optional.of("qemu-system-x86_64 is not on the PATH");
        }
        if (!Files.isExecutable(debianRoot().resolve("bin/busybox"))) {
            return Optional.of("the Debian packages are not unpacked in " + debianRoot());
        }
        for (Path needed : List.of(debianRoot().resolve("boot/xen-4.17-amd64.gz"), nextReleaseRoot().resolve("boot/xen-4.20-amd64.gz"),
                nextReleaseRoot().resolve("usr/lib/xen-4.20/bin/xen-ucode"))) {
            if (!Files.isRegularFile(needed)) {
                return Optional.of(needed + " is not unpacked");
            }
        }
        if (repository().startsWith("/run")) {
            return Optional.of("the tree is under /run, which the guest replaces with its own tmpfs: clone it elsewhere");
        }
        if (!Files.isRegularFile(ucodeJar())) {
            return Optional.of(ucodeJar() + " is missing: run 'mvn -B -ntp -q package -DskipTests' at the top of the tree");
        }
        return Optional.empty();
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** Makes the script a boot runs; only called when the boot is made. */
    interface ScriptMaker {
        GuestScript make() throws IOException;
    }

    /**
     * {@link #boot}, made on first use and then shared: the scenarios that need the same boot (each costs a minute on
     * TCG) read one result.
     */
    BootResult bootOnce(String name, BootConfig config, ScriptMaker script) throws IOException, InterruptedException {
        BootResult made = boots.get(name);
        if (made == null) {
            made = boot(name, config, script.make());
            boots.put(name, made);
        }
        return made;
    }

    /**
     * Boots once, runs {@code script} inside and returns what it left; the script and the serial console are kept
     * in the module's target/lab folder under {@code name}.
     */
    BootResult boot(String name, BootConfig config, GuestScript script) throws IOException, InterruptedException {
        outputDirectory();
        // The guest sees the host's root, so a script written here is at the same path inside.
        Path scriptFile = outputDirectory.resolve(name + ".sh");
        Path serial = outputDirectory.resolve(name + ".serial.log");
        Files.writeString(scriptFile, script.text());

        List<String> command = new ArrayList<>(List.of(labDirectory.resolve("boot.sh").toString()));
        command.addAll(config.bootArguments());
        command.addAll(List.of("--serial", serial.toString(), "sh " + scriptFile));
        Process boot = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long start = System.nanoTime();
        byte[] output = boot.getInputStream().readAllBytes();
        if (!boot.waitFor(config.timeout().plus(HARNESS_SLACK).toSeconds(), TimeUnit.SECONDS)) {
            boot.destroyForcibly();
            throw new AssertionError("boot.sh did not end within " + config.timeout().plus(HARNESS_SLACK));
        }
        BootResult result = new BootResult(name, new String(output, StandardCharsets.UTF_8), boot.exitValue(),
                Files.readString(serial, StandardCharsets.ISO_8859_1), Duration.ofNanos(System.nanoTime() - start));
        System.out.println("lab: " + result.summary());
        return result;
    }
}
