package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code status} and {@code explain} with {@code --format=prometheus} on the simulated machine (a 1x2x2 Intel
 * 06-a5-05 running 0xb4): the exact text, and what the metrics say of the plan and of the last load {@code apply}
 * recorded in the state folder.
 */
class PrometheusMetricsTest {
    private static final String NEWER = "0xc6";

    @TempDir
    Path directory;

    private Path state;

    @RegisterExtension
    final LateLoadableMachine machine = new LateLoadableMachine(Integer.decode(NEWER), () -> directory);

    @BeforeEach
    void stateFolder() {
        state = directory.resolve("state");
    }

    @Test
    void statusPrintsTheCpusThePlanAndThatNoLoadIsRecorded() {
        Ucode.Run run = metrics("status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                # HELP ucode4j_build_info The version of the ucode command that wrote these metrics.
                # TYPE ucode4j_build_info gauge
                ucode4j_build_info{version="%s"} 1
                # HELP ucode4j_backend_info The backend that read the machine.
                # TYPE ucode4j_backend_info gauge
                ucode4j_backend_info{backend="simulated"} 1
                # HELP ucode4j_cpu_info A logical CPU's vendor, signature (CPUID leaf 1 EAX), family-model-stepping and platform flags, where known.
                # TYPE ucode4j_cpu_info gauge
                ucode4j_cpu_info{cpu="0",vendor="intel",signature="0x000a0655",family_model_stepping="06-a5-05",platform_flags="0x02"} 1
                ucode4j_cpu_info{cpu="1",vendor="intel",signature="0x000a0655",family_model_stepping="06-a5-05",platform_flags="0x02"} 1
                ucode4j_cpu_info{cpu="2",vendor="intel",signature="0x000a0655",family_model_stepping="06-a5-05",platform_flags="0x02"} 1
                ucode4j_cpu_info{cpu="3",vendor="intel",signature="0x000a0655",family_model_stepping="06-a5-05",platform_flags="0x02"} 1
                # HELP ucode4j_cpu_microcode_revision The microcode revision a logical CPU runs (unsigned); absent where it could not be read.
                # TYPE ucode4j_cpu_microcode_revision gauge
                ucode4j_cpu_microcode_revision{cpu="0"} 180
                ucode4j_cpu_microcode_revision{cpu="1"} 180
                ucode4j_cpu_microcode_revision{cpu="2"} 180
                ucode4j_cpu_microcode_revision{cpu="3"} 180
                # HELP ucode4j_plan_success 1 when the firmware was read and every CPU planned; 0 when it could not be (the reason is on stderr).
                # TYPE ucode4j_plan_success gauge
                ucode4j_plan_success 1
                # HELP ucode4j_update_available 1 when the firmware has a patch that a late load would put into some CPU now.
                # TYPE ucode4j_update_available gauge
                ucode4j_update_available 1
                # HELP ucode4j_plan_cpus How many logical CPUs have each verdict of the planner (UPDATE: a patch would load; otherwise why none would).
                # TYPE ucode4j_plan_cpus gauge
                ucode4j_plan_cpus{verdict="UPDATE"} 4
                ucode4j_plan_cpus{verdict="FORCED"} 0
                ucode4j_plan_cpus{verdict="UP_TO_DATE"} 0
                ucode4j_plan_cpus{verdict="NO_PATCH"} 0
                ucode4j_plan_cpus{verdict="PLATFORM_MISMATCH"} 0
                ucode4j_plan_cpus{verdict="UNSAFE_LATE_LOAD"} 0
                ucode4j_plan_cpus{verdict="EARLY_ONLY"} 0
                ucode4j_plan_cpus{verdict="DIGEST_UNKNOWN"} 0
                ucode4j_plan_cpus{verdict="FINAL_LEVEL"} 0
                ucode4j_plan_cpus{verdict="REVISION_UNKNOWN"} 0
                ucode4j_plan_cpus{verdict="CPU_UNKNOWN"} 0
                # HELP ucode4j_cpu_verdict_info The planner's verdict for a logical CPU: UPDATE when a patch would load, otherwise why none would.
                # TYPE ucode4j_cpu_verdict_info gauge
                ucode4j_cpu_verdict_info{cpu="0",verdict="UPDATE"} 1
                ucode4j_cpu_verdict_info{cpu="1",verdict="UPDATE"} 1
                ucode4j_cpu_verdict_info{cpu="2",verdict="UPDATE"} 1
                ucode4j_cpu_verdict_info{cpu="3",verdict="UPDATE"} 1
                # HELP ucode4j_last_apply_recorded 1 when the state folder holds a valid record of the last load ucode apply made; 0 when none or a corrupt one.
                # TYPE ucode4j_last_apply_recorded gauge
                ucode4j_last_apply_recorded 0
                # HELP ucode4j_last_apply_state_corrupt 1 when the record of the last load exists but cannot be read or is not valid (the reason is on stderr).
                # TYPE ucode4j_last_apply_state_corrupt gauge
                ucode4j_last_apply_state_corrupt 0
                """.formatted(BuildInfo.read().version()));
    }

    @Test
    void explainPrintsTheSameMetricsAsStatus() {
        Ucode.Run explain = metrics("explain");

        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).isEqualTo(metrics("status").out());
    }

    @Test
    void aCpuNewerThanTheFirmwareHasNoUpdateAndTheVerdictSaysWhy() {
        machine.properties().set("ucode4j.simulated.revision", "0xf0");

        Ucode.Run run = metrics("status");

        assertThat(run.outLines()).contains("ucode4j_update_available 0", "ucode4j_plan_cpus{verdict=\"UPDATE\"} 0",
                "ucode4j_plan_cpus{verdict=\"UP_TO_DATE\"} 4", "ucode4j_cpu_verdict_info{cpu=\"2\",verdict=\"UP_TO_DATE\"} 1",
                "ucode4j_cpu_microcode_revision{cpu=\"2\"} 240");
    }

    @Test
    void afterALoadTheMetricsCarryItsRecord() {
        long before = Instant.now().getEpochSecond();
        Ucode.Run apply = Ucode.run("apply", "--yes", "--firmware=" + machine.firmware(), "--state-dir=" + state);
        long after = Instant.now().getEpochSecond();
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        Ucode.Run run = metrics("explain");

        assertThat(run.outLines()).contains("ucode4j_last_apply_recorded 1", "ucode4j_last_apply_state_corrupt 0", "ucode4j_last_apply_success 1",
                "ucode4j_last_apply_changed 1", "ucode4j_last_apply_result{result=\"SUCCEEDED\"} 1",
                "ucode4j_last_apply_result{result=\"PARTIAL\"} 0", "ucode4j_last_apply_result{result=\"FAILED\"} 0",
                "ucode4j_last_apply_cpus{outcome=\"UPDATED\"} 2", "ucode4j_last_apply_cpus{outcome=\"SIBLING_UPDATED\"} 2",
                "ucode4j_last_apply_cpus{outcome=\"FAILED\"} 0");
        assertThat(timestamp(run)).isBetween((double) before, after + 1.0);
    }

    @Test
    void aLoadTheFirstCpuRefusedIsRecordedAsRefused() {
        machine.properties().set("ucode4j.simulated.faults", "0:refuses");
        Ucode.Run apply = Ucode.run("apply", "--yes", "--firmware=" + machine.firmware(), "--state-dir=" + state);
        assertThat(apply.exitCode()).as(apply.err()).isEqualTo(ExitCode.APPLY_FAILED);

        Ucode.Run run = metrics("status");

        assertThat(run.outLines()).contains("ucode4j_last_apply_recorded 1", "ucode4j_last_apply_success 0",
                "ucode4j_last_apply_changed 0", "ucode4j_last_apply_result{result=\"REFUSED\"} 1",
                "ucode4j_last_apply_result{result=\"SUCCEEDED\"} 0", "ucode4j_last_apply_cpus{outcome=\"REFUSED\"} 2",
                "ucode4j_last_apply_cpus{outcome=\"NOT_ATTEMPTED\"} 2");
    }

    @Test
    void aCorruptRecordIsAWarningAndAMetricNotAFailedScrape() throws IOException {
        Files.createDirectories(state);
        Path record = Files.writeString(state.resolve("last-apply.json"), "{\"schema\": \"ucode4j/last-apply/1\", \"result\": ");

        Ucode.Run run = metrics("status");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("ucode status: warning: the record of the last load is not used: " + record + ": not a valid record at line 1");
        assertThat(run.outLines()).contains("ucode4j_last_apply_recorded 0", "ucode4j_last_apply_state_corrupt 1",
                "ucode4j_update_available 1", "ucode4j_cpu_microcode_revision{cpu=\"0\"} 180")
                .noneMatch(line -> line.startsWith("ucode4j_last_apply_result"));
    }

    @Test
    void statusWithoutReadableFirmwareSaysSoAndStillShowsTheCpus() {
        Path missing = directory.resolve("missing");

        Ucode.Run run = metrics("status", missing);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).singleElement().asString().startsWith("ucode status: warning: no plan: ").contains(missing.toString());
        assertThat(run.outLines()).contains("ucode4j_plan_success 0", "ucode4j_cpu_microcode_revision{cpu=\"0\"} 180")
                .noneMatch(line -> line.startsWith("ucode4j_update_available") || line.startsWith("ucode4j_plan_cpus"));
    }

    @Test
    void explainWithoutReadableFirmwareFailsAsItsTextDoes() {
        Ucode.Run run = metrics("explain", directory.resolve("missing"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void onlyTheCommandsThatReadTheMachinePrintMetrics() {
        Ucode.Run run = Ucode.run("list", "--format=prometheus", machine.firmware().toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    private Ucode.Run metrics(String command) {
        return metrics(command, machine.firmware());
    }

    private Ucode.Run metrics(String command, Path firmware) {
        return Ucode.run(command, "--format=prometheus", "--firmware=" + firmware, "--state-dir=" + state);
    }

    private static double timestamp(Ucode.Run run) {
        String prefix = "ucode4j_last_apply_timestamp_seconds ";
        return run.outLines().stream().filter(line -> line.startsWith(prefix)).map(line -> Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no timestamp in " + run.out()));
    }
}
