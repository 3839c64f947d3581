package io.github.ucode4j.cli.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the record of the last load: what a missing file, a valid one and each kind of broken one come to. */
class StateDirectoryTest {
    private static final LastApply RECORD = new LastApply(LoadResult.PARTIAL, true, "2026-12-05T08:30:00.250Z", "1.2.3",
            "kernel", Map.of("UPDATED", 2L, "FAILED", 2L), List.of(new LastApply.Cpu(0, "UPDATED", "0xb4", "0xc6")));

    @TempDir
    Path directory;

    @Test
    void noFileIsNoRecordAndNoProblem() {
        assertThat(new StateDirectory(directory.resolve("never-created")).readLastApply()).isEqualTo(LastApplyState.NOT_RECORDED);
    }

    @Test
    void aWrittenRecordReadsBackTheSame() throws IOException {
        StateDirectory state = new StateDirectory(directory);

        state.recordLastApply(RECORD);

        assertThat(state.readLastApply()).isEqualTo(LastApplyState.of(RECORD));
        assertThat(RECORD.endedAt().toEpochMilli()).isEqualTo(1796459400250L);
    }

    @Test
    void fieldsAddedByALaterMinorVersionAreIgnored() throws IOException {
        StateDirectory state = new StateDirectory(directory);
        state.recordLastApply(RECORD);
        Files.writeString(state.lastApplyFile(), Files.readString(state.lastApplyFile()).replaceFirst("\\{", "{\"later\": 1,"));

        assertThat(state.readLastApply().recorded()).contains(RECORD);
    }

    @Test
    void textThatIsNotJsonNamesTheFileAndWhere() throws IOException {
        assertThat(problem("{\n  \"result\": SUCCEEDED")).startsWith(file() + ": not a valid record at line 2, column ");
    }

    @Test
    void anotherSchemaIsNamed() throws IOException {
        assertThat(problem("{\"schema\": \"ucode4j/last-apply/2\"}"))
                .isEqualTo(file() + ": its \"schema\" is \"ucode4j/last-apply/2\", not \"ucode4j/last-apply/1\"");
        assertThat(problem("[1, 2]")).isEqualTo(file() + ": not a JSON object");
    }

    @Test
    void aMissingOrBadFieldIsNamed() throws IOException {
        assertThat(problem("{\"schema\": \"ucode4j/last-apply/1\", \"result\": \"SUCCEEDED\", \"counts\": {}}"))
                .isEqualTo(file() + ": \"result\", \"time\" and \"counts\" are required");
        assertThat(problem("{\"schema\": \"ucode4j/last-apply/1\", \"result\": \"SUCCEEDED\", \"counts\": {}, \"time\": \"yesterday\"}"))
                .isEqualTo(file() + ": \"time\" is not an ISO-8601 instant: \"yesterday\"");
        assertThat(problem("{\"schema\": \"ucode4j/last-apply/1\", \"result\": \"MAYBE\", \"counts\": {}, \"time\": \"2026-12-05T08:30:00Z\"}"))
                .startsWith(file() + ": not a valid record").contains("MAYBE");
    }

    @Test
    void somethingElseInItsPlaceIsNamed() throws IOException {
        Files.createDirectory(file());

        assertThat(new StateDirectory(directory).readLastApply().problem()).contains(file() + ": not a regular file");
    }

    @Test
    void aLinkInItsPlaceIsNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(directory.resolve("elsewhere.json"), "{}");
        Files.createSymbolicLink(file(), elsewhere);

        assertThat(new StateDirectory(directory).readLastApply().problem()).contains(file() + ": not a regular file");
    }

    private String problem(String content) throws IOException {
        Files.writeString(file(), content);
        LastApplyState state = new StateDirectory(directory).readLastApply();
        assertThat(state.recorded()).isEmpty();
        return state.problem().orElseThrow();
    }

    private Path file() {
        return directory.resolve(StateDirectory.LAST_APPLY);
    }
}
