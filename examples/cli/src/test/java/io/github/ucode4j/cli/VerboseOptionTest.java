package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyBackends;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verbose} shows the library's decisions on standard error, one line each, and changes nothing on standard
 * output; without it standard error has no log line. On the simulated 1x2x2 Intel machine, with a CPU whose
 * microcode may be late-loaded.
 */
class VerboseOptionTest {
    @TempDir
    Path directory;

    @RegisterExtension
    final LateLoadableMachine machine = new LateLoadableMachine(0xc6, () -> directory);



    @Test
    void anApplyShowsTheBackendChoiceThePlanAndTheLoadOnStandardError() {
        Ucode.Run run = Ucode.run("apply", "--yes", "--format=json", "--verbose", firmwareOption());

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
        Ucode.Run quiet = Ucode.run("apply", "--dry-run", "--format=json", firmwareOption());
        Ucode.Run verbose = Ucode.run("apply", "--dry-run", "--format=json", firmwareOption(), "--verbose");

        assertThat(verbose.out()).isEqualTo(quiet.out());
        assertThat(verbose.err()).contains("ucode: [Planner] ");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void withoutItAWholeApplyPrintsNoLogLine() {
        Ucode.Run run = Ucode.run("apply", "--yes", firmwareOption());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void itMayComeBeforeTheCommandAsTheShortOptionAndItEndsWithTheRun() {
        Ucode.Run verbose = Ucode.run("-v", "explain", firmwareOption());
        Ucode.Run after = Ucode.run("explain", firmwareOption());

        assertThat(verbose.errLines()).anyMatch(line -> line.startsWith("ucode: [Planner] CPUs 0-3: UPDATE"));
        assertThat(after.err()).isEmpty();
    }

    private String firmwareOption() {
        return "--firmware=" + machine.firmware();
    }
}
