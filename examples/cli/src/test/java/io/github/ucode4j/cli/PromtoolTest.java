package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prometheus' own checker on what {@code ucode status} and {@code explain} print with {@code --format=prometheus}:
 * {@code promtool check metrics} (Debian's, from the corpus tree; skipped without it, a failure under CI) passes with
 * no lint problem on Intel and AMD machines, with and without an update, with and without a recorded load, and with
 * a corrupt record. {@code promtool check rules} accepts the example alerts, and {@code systemd-analyze verify} (where
 * there is one) the example units.
 */
class PromtoolTest {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Path EXAMPLES = Path.of(System.getProperty("ucode4j.repository", "../.."), "examples/systemd");

    @TempDir
    Path directory;

    private Path state;
    private Path lateLoadableFirmware;
    private final SystemProperties properties = new SystemProperties();

    /** A machine, the firmware to plan from, and what the state folder holds. */
    enum Machine {
        INTEL_UPDATE_AVAILABLE_NOTHING_RECORDED,
        INTEL_UP_TO_DATE_AFTER_A_LOAD,
        INTEL_AFTER_A_REFUSED_LOAD,
        INTEL_EARLY_ONLY_ON_DEBIAN_FIRMWARE,
        AMD_ON_DEBIAN_FIRMWARE,
        AMD_WITH_A_CORRUPT_RECORD,
        INTEL_FIRMWARE_UNREADABLE
    }

    @BeforeEach
    void folders() throws IOException {
        state = directory.resolve("state");
        lateLoadableFirmware = GeneratedFirmware.forLateLoadableCpu(directory.resolve("firmware"), 0xc6);
        properties.simulatedMachine(directory.resolve("run"));
    }

    @AfterEach
    void restoreProperties() {
        properties.restore();
    }

    @ParameterizedTest
    @EnumSource(Machine.class)
    void promtoolFindsNoProblemInTheMetrics(Machine machine) throws Exception {
        Path promtool = Corpus.promtool();
        String firmware = prepare(machine);

        for (String command : commands(machine)) {
            Ucode.Run run = Ucode.run(command, "--format=prometheus", "--firmware=" + firmware, "--state-dir=" + state);
            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();

            Checked checked = check(List.of(promtool.toString(), "check", "metrics"), run.out());

            assertThat(checked.output()).as(command + " on " + machine + ":\n" + run.out()).isEmpty();
            assertThat(checked.exitCode()).isZero();
        }
    }

    @Test
    void promtoolAcceptsTheExampleAlertRules() throws Exception {
        Checked checked = check(List.of(Corpus.promtool().toString(), "check", "rules", EXAMPLES.resolve("alerts.yml").toString()), "");

        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS");
    }

    @Test
    void systemdAcceptsTheExampleUnits() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed: the example units are not verified");

        // Without --man=no, verify would look for ucode's man page, which only the package installs.
        Checked checked = check(List.of("systemd-analyze", "verify", "--man=no",
                EXAMPLES.resolve("ucode4j-metrics.service").toString(), EXAMPLES.resolve("ucode4j-metrics.timer").toString()), "");

        assertThat(checked.output()).isEmpty();
        assertThat(checked.exitCode()).isZero();
    }

    // Sets the machine up, and says which firmware to plan from.
    private String prepare(Machine machine) throws IOException {
        switch (machine) {
            case INTEL_UPDATE_AVAILABLE_NOTHING_RECORDED -> properties.set(GeneratedFirmware.LATE_LOADABLE_MACHINE);
            case INTEL_UP_TO_DATE_AFTER_A_LOAD -> {
                properties.set(GeneratedFirmware.LATE_LOADABLE_MACHINE);
                applyTo(lateLoadableFirmware, ExitCode.OK);
                properties.set("ucode4j.simulated.revision", "0xc6");
            }
            case INTEL_AFTER_A_REFUSED_LOAD -> {
                properties.set(GeneratedFirmware.LATE_LOADABLE_MACHINE).set("ucode4j.simulated.faults", "0:refuses");
                applyTo(lateLoadableFirmware, ExitCode.APPLY_FAILED);
            }
            case INTEL_EARLY_ONLY_ON_DEBIAN_FIRMWARE -> {
                return Corpus.root().resolve("lib/firmware").toString();
            }
            case AMD_ON_DEBIAN_FIRMWARE, AMD_WITH_A_CORRUPT_RECORD -> {
                properties.set("ucode4j.simulated.vendor", "amd");
                if (machine == Machine.AMD_WITH_A_CORRUPT_RECORD) {
                    Files.createDirectories(state);
                    Files.writeString(state.resolve("last-apply.json"), "{\"schema\": \"ucode4j/last-apply/1\", \"result\": 42}");
                }
                return Corpus.root().resolve("lib/firmware").toString();
            }
            case INTEL_FIRMWARE_UNREADABLE -> {
                return directory.resolve("missing").toString();
            }
        }
        return lateLoadableFirmware.toString();
    }

    // explain fails where the firmware cannot be read, as its text does; status still prints the machine's metrics.
    private static List<String> commands(Machine machine) {
        return machine == Machine.INTEL_FIRMWARE_UNREADABLE ? List.of("status") : List.of("status", "explain");
    }

    private void applyTo(Path firmware, int exitCode) {
        Ucode.Run run = Ucode.run("apply", "--yes", "--firmware=" + firmware, "--state-dir=" + state);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    }

    /** A checker's exit code and everything it printed, standard output and error together. */
    private record Checked(int exitCode, String output) {
    }

    private Checked check(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Checked(process.exitValue(), output.join());
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String program) {
        List<String> folders = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return folders.stream().anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }
}
