package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyBackends;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verbose} shows the library's decisions on standard error, one line each, and changes nothing on standard
 * output; without it standard error has no log line. On the simulated 1x2x2 Intel machine, with a CPU whose
 * microcode may be late-loaded.
 */
class VerboseOptionTest {
    @TempDir
    Path directory;

    private String firmware;
    private final SystemProperties properties = new SystemProperties();

    @BeforeEach
    void simulatedMachine() throws IOException {
        firmware = "--firmware=" + GeneratedFirmware.forLateLoadableCpu(directory.resolve("firmware"), 0xc6);
        properties.lateLoadableMachine(directory.resolve("run"));
    }

    @AfterEach
    void restoreProperties() {
        properties.restore();
    }

    @Test
    void anApplyShowsTheBackendChoiceThePlanAndTheLoadOnStandardError() {
        Ucode.Run run = Ucode.run("apply", "--yes", "--format=json", "--verbose", firmware);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.errLines()).allMatch(line -> line.startsWith("ucode: ["))
                .contains("ucode: [ApplyBackends] chose the simulated backend: named by the system property " + ApplyBackends.PROPERTY,
                        "ucode: [LateLoader] the plan made again under the lock is unchanged")
                .anyMatch(line -> line.startsWith("ucode: [Planner] CPUs 0-3: UPDATE: update from revision "))
                .anyMatch(line -> line.startsWith("ucode: [Rendezvous] rendezvous ended: "))
                .anyMatch(line -> line.startsWith("ucode: [MicrocodeInputs] read "));
        assertThat(run.json().get("schema").asText()).isEqualTo("ucode4j/apply/1");
    }

    @Test
    void standardOutputIsTheSameWithOrWithoutIt() {
        Ucode.Run quiet = Ucode.run("apply", "--dry-run", "--format=json", firmware);
        Ucode.Run verbose = Ucode.run("apply", "--dry-run", "--format=json", firmware, "--verbose");

        assertThat(verbose.out()).isEqualTo(quiet.out());
        assertThat(verbose.err()).contains("ucode: [Planner] ");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void withoutItAWholeApplyPrintsNoLogLine() {
        Ucode.Run run = Ucode.run("apply", "--yes", firmware);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void itMayComeBeforeTheCommandAsTheShortOptionAndItEndsWithTheRun() {
        Ucode.Run verbose = Ucode.run("-v", "explain", firmware);
        Ucode.Run after = Ucode.run("explain", firmware);

        assertThat(verbose.errLines()).anyMatch(line -> line.startsWith("ucode: [Planner] CPUs 0-3: UPDATE"));
        assertThat(after.err()).isEmpty();
    }
}
