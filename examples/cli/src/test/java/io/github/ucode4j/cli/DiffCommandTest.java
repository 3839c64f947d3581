package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ucode diff} of two release directories. */
class DiffCommandTest {
    @TempDir
    Path directory;

    @Test
    void updatedAddedAndRemovedEntriesAreListed() throws Exception {
        Path old = directory.resolve("old");
        Path current = directory.resolve("new");
        GeneratedFirmware.intel(old.resolve("06-9e-0a"), 0x906ea, 0x02, 0xb4);
        GeneratedFirmware.intel(old.resolve("06-55-04"), 0x50654, 0xb7, 0x2006e05);
        GeneratedFirmware.intel(current.resolve("06-9e-0a"), 0x906ea, 0x02, 0xf8);
        GeneratedFirmware.intel(current.resolve("06-8f-08"), 0x806f8, 0x87, 0x2b000603);

        Ucode.Run text = Ucode.run("diff", old.toString(), current.toString());
        Ucode.Run json = Ucode.run("diff", old.toString(), current.toString(), "--format=json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.outLines()).anySatisfy(l -> assertThat(l).startsWith("UPDATED").contains("06-9e-0a", "0xb4", "0xf8"))
                .anySatisfy(l -> assertThat(l).startsWith("REMOVED").contains("06-55-04"))
                .anySatisfy(l -> assertThat(l).startsWith("ADDED").contains("06-8f-08"))
                .endsWith("3 changes");
        JsonNode document = json.json();
        assertThat(document.get("counts").get("UPDATED").asInt()).isEqualTo(1);
        assertThat(document.get("changes")).hasSize(3);
        JsonNode added = document.get("changes").findParents("kind").stream()
                .filter(c -> c.get("kind").asText().equals("ADDED")).findFirst().orElseThrow();
        assertThat(added.get("before").isNull()).isTrue();
        assertThat(added.get("after").get("revision").asText()).isEqualTo("0x2b000603");
    }

    @Test
    void identicalReleasesHaveNoChanges() throws Exception {
        Path release = GeneratedFirmware.forSimulatedMachine(directory, 0xc6).resolve("intel-ucode");

        Ucode.Run run = Ucode.run("diff", release.toString(), release.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).endsWith("no changes");
    }
}
