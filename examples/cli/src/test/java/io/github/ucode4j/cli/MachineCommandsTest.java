package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ucode4j.api.ApplyBackends;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status}, {@code explain} and {@code apply} on the simulated machine, chosen through the system property
 * and shaped through its {@code ucode4j.simulated.*} properties: a 1x2x2 Intel 06-a5-05 running 0xb4.
 */
class MachineCommandsTest {
    private static final String NEWER = "0xc6";

    @TempDir
    Path directory;

    @RegisterExtension
    final LateLoadableMachine machine = new LateLoadableMachine(Integer.decode(NEWER), () -> directory);



    @Test
    void statusShowsEveryCpuWithItsSourcesAndThatTheyAgree() {
        Ucode.Run run = Ucode.run("status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("backend simulated, 4 logical CPUs").contains("all CPUs agree")
                .contains("sources: vendor from simulated");
        assertThat(run.outLines()).filteredOn(line -> line.matches("\\d+ .*")).hasSize(4)
                .allSatisfy(line -> assertThat(line).contains("06-a5-05", "0x000a0655", "0x02", "0xb4"));
    }

    @Test
    void statusJsonHasOneObjectPerCpu() {
        JsonNode json = Ucode.run("status", "--format=json").json();

        assertThat(json.get("backend").asText()).isEqualTo("simulated");
        assertThat(json.get("consistent").asBoolean()).isTrue();
        assertThat(json.get("cpus")).hasSize(4);
        JsonNode cpu = json.get("cpus").get(2);
        assertThat(cpu.get("cpu").asInt()).isEqualTo(2);
        assertThat(cpu.get("smt_siblings")).hasSize(2);
        assertThat(cpu.get("revision").asText()).isEqualTo("0xb4");
        assertThat(cpu.get("sources").get("revision").asText()).isEqualTo("simulated");
        assertThat(cpu.get("differs").asBoolean()).isFalse();
    }

    @Test
    void explainGivesEachCpuItsVerdictAndReason() {
        Ucode.Run run = Ucode.run("explain", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).filteredOn(line -> line.matches("\\d+ +UPDATE .*")).hasSize(4)
                .allSatisfy(line -> assertThat(line).contains("update from revision 0xb4 to " + NEWER));
        assertThat(run.out()).contains("plan: UPDATE 4");
    }

    @Test
    void explainJsonSaysWhyNothingLoadsWhenTheCpuIsNewer() {
        machine.properties().set("ucode4j.simulated.revision", "0xf0");

        JsonNode json = Ucode.run("explain", "--format=json", "--firmware", machine.firmware().toString()).json();

        assertThat(json.get("loads_anything").asBoolean()).isFalse();
        assertThat(json.get("platform").get("cpus")).hasSize(4);
        JsonNode verdict = json.get("verdicts").get(0);
        assertThat(verdict.get("verdict").asText()).isEqualTo("UP_TO_DATE");
        assertThat(verdict.get("reason").asText()).contains("0xf0");
        assertThat(verdict.get("patch").get("revision").asText()).isEqualTo(NEWER);
    }

    @Test
    void applyLoadsAndReportsEveryCpuBeforeAndAfter() {
        Ucode.Run run = Ucode.run("apply", "--yes", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("UPDATED", "SIBLING_UPDATED", "stopped window: ", "result: success")
                .contains("consistent: yes").contains("revisions after the load: read back on the CPU by the rendezvous (CPUs 0-3)");
        assertThat(run.outLines()).filteredOn(line -> line.matches("\\d+ +UPDATE +\\S*UPDATED .*"))
                .hasSize(4).allSatisfy(line -> assertThat(line).contains("0xb4", NEWER));
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        Ucode.Run run = Ucode.run("apply", "--dry-run", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("plan: UPDATE 4", "dry run: nothing was changed").doesNotContain("OUTCOME");
        assertThat(machine.runDirectory()).as("no load took the host lock").doesNotExist();
    }

    @Test
    void applyWithoutYesAndWithoutATerminalRefuses() {
        Ucode.Run run = Ucode.run("apply", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("refusing to apply without confirmation", "--yes");
        assertThat(machine.runDirectory()).doesNotExist();
    }

    @Test
    void applyWithNothingToLoadSucceedsWithoutAsking() {
        machine.properties().set("ucode4j.simulated.revision", "0xf0");

        Ucode.Run run = Ucode.run("apply", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("plan: UP_TO_DATE 4; nothing to load");
    }

    @Test
    void aCpuThatRefusesMakesTheLoadFail() {
        machine.properties().set("ucode4j.simulated.faults", "1:refuses");

        Ucode.Run run = Ucode.run("apply", "--yes", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).isEqualTo(ExitCode.APPLY_FAILED);
        assertThat(run.out()).contains("REFUSED", "result: FAILED or partial");
    }

    @Test
    void theBackendOptionOverridesTheProperty() {
        machine.properties().set(ApplyBackends.PROPERTY, "msr");

        Ucode.Run run = Ucode.run("status", "--backend=simulated");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("backend simulated");
    }
}
