package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ucode4j.cli.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of the last load that {@code apply} leaves in its state folder: written after every load whatever its
 * outcome, never by a run that loads nothing, atomically and never through a symbolic link, and a failure to write
 * it a warning that changes neither the load nor its exit code.
 */
class LastApplyRecordTest {
    private static final String NEWER = "0xc6";

    @TempDir
    Path directory;

    private Path state;

    @RegisterExtension
    final LateLoadableMachine machine = new LateLoadableMachine(Integer.decode(NEWER), () -> directory);

    @BeforeEach
    void stateFolder() {
        state = directory.resolve("var/lib/ucode4j");
    }

    @Test
    void aSuccessfulLoadIsRecordedWithItsOutcomesAndRevisions() throws IOException {
        Instant before = Instant.now();
        Ucode.Run run = apply();

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode record = record();
        assertThat(record.get("schema").asText()).isEqualTo("ucode4j/last-apply/1");
        assertThat(record.get("result").asText()).isEqualTo("SUCCEEDED");
        assertThat(record.get("changed").asBoolean()).isTrue();
        assertThat(Instant.parse(record.get("time").asText())).isBetween(before, Instant.now());
        assertThat(record.get("ucode_version").asText()).isEqualTo(BuildInfo.read().version());
        assertThat(record.get("backend").asText()).isEqualTo("simulated");
        assertThat(record.get("counts").get("UPDATED").asLong()).isEqualTo(2);
        assertThat(record.get("counts").get("SIBLING_UPDATED").asLong()).isEqualTo(2);
        assertThat(record.get("cpus")).hasSize(4).allSatisfy(cpu -> {
            assertThat(cpu.get("before").asText()).isEqualTo("0xb4");
            assertThat(cpu.get("after").asText()).isEqualTo(NEWER);
        });
        assertThat(run.json().get("state_warning").isNull()).isTrue();
    }

    @Test
    void aRefusedLoadIsRecordedToo() throws IOException {
        machine.properties().set("ucode4j.simulated.faults", "0:refuses");

        Ucode.Run run = apply();

        assertThat(run.exitCode()).isEqualTo(ExitCode.APPLY_FAILED);
        assertThat(record().get("result").asText()).isEqualTo("REFUSED");
        assertThat(record().get("changed").asBoolean()).isFalse();
    }

    @Test
    void theFolderIsCreatedReadableByAllAndTheRecordReplacedWhole() throws IOException {
        apply();
        machine.properties().set("ucode4j.simulated.faults", "0:refuses");
        apply();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("last-apply.json")))).isEqualTo("rw-r--r--");
        assertThat(record().get("result").asText()).isEqualTo("REFUSED");
        try (var files = Files.list(state)) {
            assertThat(files).containsExactly(state.resolve("last-apply.json"));
        }
    }

    @Test
    void runsThatLoadNothingLeaveNoRecord() {
        assertThat(Ucode.run("apply", "--dry-run", "--firmware=" + machine.firmware(), "--state-dir=" + state).exitCode()).isZero();
        machine.properties().set("ucode4j.simulated.revision", "0xf0");
        assertThat(apply().exitCode()).isZero();

        assertThat(state).doesNotExist();
    }

    @Test
    void aRecordThatCannotBeWrittenIsAWarningNotAFailureOfTheLoad() throws IOException {
        Files.createDirectories(state.getParent());
        Files.writeString(state, "a file where the folder should be");

        Ucode.Run run = apply();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("report").get("succeeded").asBoolean()).isTrue();
        String warning = run.json().get("state_warning").asText();
        assertThat(warning).startsWith("the record of this load could not be written to " + state.resolve("last-apply.json") + ": ");
        assertThat(run.errLines()).containsExactly("ucode apply: warning: " + warning);
    }

    @Test
    void aSymbolicLinkInTheRecordsPlaceIsNotFollowed() throws IOException {
        Files.createDirectories(state);
        Path elsewhere = Files.writeString(directory.resolve("elsewhere"), "not ucode's");
        Files.createSymbolicLink(state.resolve("last-apply.json"), elsewhere);

        Ucode.Run run = apply();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("state_warning").asText()).contains("symbolic link");
        assertThat(Files.readString(elsewhere)).isEqualTo("not ucode's");
        assertThat(Files.isSymbolicLink(state.resolve("last-apply.json"))).isTrue();
    }

    @Test
    void withoutTheOptionTheEnvironmentVariableNamesTheFolder() throws IOException {
        String named = System.getenv("UCODE4J_STATE_DIR");
        assumeTrue(named != null, "the build sets UCODE4J_STATE_DIR for the tests");
        Files.deleteIfExists(Path.of(named, "last-apply.json"));

        Ucode.Run run = Ucode.run("apply", "--yes", "--firmware=" + machine.firmware());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Path.of(named, "last-apply.json")).exists();
    }

    private Ucode.Run apply() {
        return Ucode.run("apply", "--yes", "--format=json", "--firmware=" + machine.firmware(), "--state-dir=" + state);
    }

    private JsonNode record() throws IOException {
        assertThat(Files.isRegularFile(state.resolve("last-apply.json"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        return Json.mapper().readTree(Files.readString(state.resolve("last-apply.json")));
    }
}
