package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT and SIGTERM during {@code ucode apply}'s load are held until the load is over: the report is printed, then
 * the command exits with 130 or 143. A real {@code ucode} in a child JVM, on the simulated 1x2x2 Intel machine whose
 * CPU 1 calls in 700 ms late and whose loads each take 600 ms (two rounds: the control CPU alone, then the other
 * core), each inside its 1 s deadline: the load lasts about two seconds after the signal is sent.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ApplySignalsTest {
    private static final String LOAD_MICROSECONDS = "600000";
    private static final String LATE_CALL_IN = "1:slow-call-in:700";

    @TempDir
    Path directory;

    @Test
    void sigintDuringTheLoadLetsItFinishPrintsTheReportAndExits130() throws Exception {
        Finished run = applyAndSignal("INT");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(130);
        assertThat(run.out()).contains("SIBLING_UPDATED", "result: success");
        assertThat(run.err()).contains("SIGINT arrived during the load");
    }

    @Test
    void sigtermDuringTheLoadLetsItFinishPrintsTheReportAndExits143() throws Exception {
        Finished run = applyAndSignal("TERM");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(143);
        assertThat(run.out()).contains("SIBLING_UPDATED", "result: success");
        assertThat(run.err()).contains("SIGTERM arrived during the load");
    }

    @Test
    void aJvmThatCannotHandOverItsSignalsLoadsAndWarns() throws Exception {
        Process process = start(List.of("-Xrs"));
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ucode ended").isTrue();
            String err = Files.readString(directory.resolve("stderr"));

            assertThat(process.exitValue()).as(out + err).isZero();
            assertThat(out).contains("result: success");
            assertThat(err).contains("SIGINT cannot be held during the load", "SIGTERM cannot be held during the load");
        } finally {
            process.destroyForcibly();
        }
    }

    private record Finished(int exitCode, String out, String err) {
    }

    // Starts the load, sends the signal once the plan is shown and the load begins, and waits for the end.
    private Finished applyAndSignal(String signal) throws Exception {
        Process process = start(List.of());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            boolean planShown = false;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                printed.append(line).append('\n');
                if (planShown && line.isEmpty()) {
                    break; // the line ucode prints once signals are held, just before the load
                }
                planShown |= line.startsWith("plan: ");
            }
            assertThat(planShown).as(printed.toString()).isTrue();
            signal(process, signal);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                printed.append(line).append('\n');
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ucode ended").isTrue();
            return new Finished(process.exitValue(), printed.toString(), Files.readString(directory.resolve("stderr")));
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(List<String> jvmOptions) throws IOException {
        Path firmware = GeneratedFirmware.forLateLoadableCpu(directory.resolve("firmware"), 0xc6);
        List<String> command = new ArrayList<>(List.of(
                // A JVM started where SIGINT is ignored (a background job) inherits that; reset it to the default.
                "env", "--default-signal=INT,TERM", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Ducode4j.simulated.topology=1x2x2",
                "-D" + GeneratedFirmware.LATE_LOADABLE_MACHINE[0] + "=" + GeneratedFirmware.LATE_LOADABLE_MACHINE[1],
                "-Ducode4j.simulated.latency=" + LOAD_MICROSECONDS,
                "-Ducode4j.simulated.faults=" + LATE_CALL_IN,
                "-Ducode4j.run-dir=" + directory.resolve("run"),
                Main.class.getName(), "apply", "--backend=simulated", "--yes", "--firmware=" + firmware));
        return new ProcessBuilder(command).redirectError(directory.resolve("stderr").toFile()).start();
    }

    private static void signal(Process process, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }
}
