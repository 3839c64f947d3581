package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} and {@code write-*} say whether they changed something: {@code "changed"} in JSON, and with
 * {@code --detailed-exitcode} exit code 10 for a change, 0 for nothing to do; failures keep their codes.
 */
class ChangedOutcomesTest {
    private static final String DETAILED = "--detailed-exitcode";

    @TempDir
    Path directory;

    @RegisterExtension
    final LateLoadableMachine machine = new LateLoadableMachine(0xc6, () -> directory);



    @Test
    void aLoadThatMovesRevisionsIsChangedAndExits10() {
        Ucode.Run run = Ucode.run("apply", "--yes", DETAILED, "--format=json", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CHANGED);
        assertThat(run.json().get("action").asText()).isEqualTo("LOADED");
        assertThat(run.json().get("changed").asBoolean()).isTrue();
        assertThat(run.json().get("report").get("cpus")).allSatisfy(cpu -> assertThat(cpu.get("after").asText()).isEqualTo("0xc6"));
    }

    @Test
    void withoutTheOptionAChangeStillExits0() {
        Ucode.Run run = Ucode.run("apply", "--yes", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    }

    @Test
    void nothingToLoadIsUnchangedAndExits0() {
        machine.properties().set("ucode4j.simulated.revision", "0xf0");

        Ucode.Run run = Ucode.run("apply", "--yes", DETAILED, "--format=json", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json().get("action").asText()).isEqualTo("NOTHING_TO_DO");
        assertThat(run.json().get("changed").asBoolean()).isFalse();
        assertThat(run.json().get("report").isNull()).isTrue();
    }

    @Test
    void aDryRunIsUnchanged() {
        Ucode.Run run = Ucode.run("apply", "--dry-run", DETAILED, "--format=json", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.json().get("action").asText()).isEqualTo("DRY_RUN");
        assertThat(run.json().get("changed").asBoolean()).isFalse();
    }

    @Test
    void aFailedLoadKeepsItsExitCode() {
        machine.properties().set("ucode4j.simulated.faults", "1:refuses");

        Ucode.Run run = Ucode.run("apply", "--yes", DETAILED, "--format=json", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).isEqualTo(ExitCode.APPLY_FAILED);
        assertThat(run.json().get("report").get("succeeded").asBoolean()).isFalse();
    }

    @Test
    void anEarlyCpioIsChangedWhenNewAndUnchangedWhenRewrittenWithTheSameBytes() throws IOException {
        Path cpio = directory.resolve("early.cpio");
        String intel = Corpus.intelFirmware().toString();

        Ucode.Run first = Ucode.run("write-early-cpio", DETAILED, "--format=json", "-o", cpio.toString(), intel);
        Ucode.Run again = Ucode.run("write-early-cpio", DETAILED, "--overwrite", "-o", cpio.toString(), intel);
        Files.write(cpio, new byte[] {1, 2, 3});
        Ucode.Run different = Ucode.run("write-early-cpio", DETAILED, "--overwrite", "-o", cpio.toString(), intel);

        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.CHANGED);
        assertThat(first.json().get("changed").asBoolean()).isTrue();
        assertThat(first.json().get("files").get(0).get("changed").asBoolean()).isTrue();
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).endsWith("bytes (unchanged)" + System.lineSeparator());
        assertThat(different.exitCode()).as(different.err()).isEqualTo(ExitCode.CHANGED);
    }

    @Test
    void aFirmwareDirectoryNamesEachChangedFile() throws IOException {
        Path output = directory.resolve("lib-firmware");
        String intel = Corpus.intelFirmware().toString();
        Ucode.run("write-firmware-dir", "-o", output.toString(), intel);
        Path one = output.resolve("intel-ucode/06-55-04");
        Files.write(one, new byte[] {0});

        Ucode.Run run = Ucode.run("write-firmware-dir", DETAILED, "--format=json", "--overwrite", "-o", output.toString(), intel);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CHANGED);
        assertThat(run.json().get("files")).filteredOn(file -> file.get("changed").asBoolean())
                .singleElement().satisfies(file -> assertThat(file.get("path").asText()).isEqualTo(one.toString()));
        Ucode.Run again = Ucode.run("write-firmware-dir", DETAILED, "--overwrite", "-o", output.toString(), intel);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.OK);
    }
}
