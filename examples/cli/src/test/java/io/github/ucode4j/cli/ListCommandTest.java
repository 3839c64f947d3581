package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ucode list}: iucode_tool's own output line for line, and the text and JSON forms. */
class ListCommandTest {

    /** The same selection given to both tools. */
    record Filters(String name, List<String> arguments) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Filters> filters() {
        return Stream.of(
                new Filters("none", List.of()),
                new Filters("two signatures", List.of("-s", "0x50654", "-s", "0x806ec")),
                new Filters("all but one", List.of("-s", "!0x50654")),
                new Filters("older revisions", List.of("-s", "0x50654,,lt:0x2007006")),
                new Filters("one platform", List.of("-s", "0x106a5,0x02")),
                new Filters("dated after 2020", List.of("--date-after=2020-01-01")),
                new Filters("dated before 2012", List.of("--date-before=2012-01-01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void iucodeFormatPrintsWhatIucodeToolListPrints(Filters filters) throws Exception {
        Path intel = Corpus.intelFirmware().toAbsolutePath();
        List<String> ours = new ArrayList<>(List.of("list", "--format=iucode"));
        ours.addAll(filters.arguments());
        ours.add(intel.toString());
        List<String> theirs = new ArrayList<>(List.of("-l"));
        theirs.addAll(filters.arguments());
        theirs.addAll(IucodeToolProcess.sortedFiles(intel));

        Ucode.Run run = Ucode.run(ours.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactlyElementsOf(IucodeToolProcess.stdout(theirs));
    }

    @Test
    void iucodeFormatWithAllPrintsWhatIucodeToolListAllPrints() throws Exception {
        Path intel = Corpus.intelFirmware().toAbsolutePath();
        List<String> theirs = new ArrayList<>(List.of("-L"));
        theirs.addAll(IucodeToolProcess.sortedFiles(intel));

        Ucode.Run run = Ucode.run("list", "--all", "--format=iucode", intel.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactlyElementsOf(IucodeToolProcess.stdout(theirs));
    }

    @Test
    void jsonListsTheSelectedEntriesWithStableFieldNames() {
        Ucode.Run run = Ucode.run("list", "--format=json", "-s", "0x50654", Corpus.intelFirmware().toString());

        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("inputs")).hasSizeGreaterThan(100);
        assertThat(json.get("selection").asText()).contains("0x00050654");
        JsonNode entry = json.get("entries").get(0);
        assertThat(json.get("entries")).hasSize(1);
        assertThat(entry.get("signature").asText()).isEqualTo("0x00050654");
        assertThat(entry.get("family_model_stepping").asText()).isEqualTo("06-55-04");
        assertThat(entry.get("platform_flags").asText()).isEqualTo("0xb7");
        assertThat(entry.get("patch").get("revision").asText()).isEqualTo("0x2007006");
        assertThat(entry.get("patch").get("sha256").asText()).hasSize(64);
        assertThat(entry.get("patch").get("source").asText()).endsWith("06-55-04");
    }

    @Test
    void jsonShowsEachPatchsMinimumRevisionAndMetadata(@TempDir Path directory) throws Exception {
        // As Intel's 06-aa-04 of 2024: one type-2 entry fills the block, no type-0 entry follows.
        Path filled = Files.write(directory.resolve("06-aa-04"), IntelPatchBuilder.patch().signature(0x000a06a4)
                .revision(0x1c).dataSize(960, 1).metadataEntry(2, new byte[] {2, 0, 0, 0, 0, 0, 0, 0}).metadataTerminated(false).build());
        Path ended = Files.write(directory.resolve("06-ad-01"), IntelPatchBuilder.patch().signature(0x000a06d1)
                .revision(0x10003f0).minimumRevision(1).metadataEntry(3, new byte[] {5, 5, 0, 0}).build());

        Ucode.Run run = Ucode.run("list", "--all", "--format=json", filled.toString(), ended.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("inputs")).allSatisfy(input -> assertThat(input.get("findings")).isEmpty());
        JsonNode first = json.get("entries").get(0).get("patch");
        assertThat(first.get("minimum_revision").isNull()).isTrue();
        assertThat(first.get("metadata")).singleElement().satisfies(entry -> {
            assertThat(entry.get("type").asLong()).isEqualTo(2);
            assertThat(entry.get("meaning").isNull()).isTrue();
            assertThat(entry.get("offset").asInt()).isEqualTo(1024 - 16);
            assertThat(entry.get("size").asInt()).isEqualTo(16);
            assertThat(entry.get("payload")).extracting(JsonNode::asText).containsExactly("0x00000002", "0x00000000");
        });
        JsonNode second = json.get("entries").get(1).get("patch");
        assertThat(second.get("minimum_revision").asText()).isEqualTo("0x1");
        assertThat(second.get("metadata")).extracting(entry -> entry.get("type").asLong()).containsExactly(3L, 0L);
        assertThat(second.get("metadata").get(0).get("payload")).extracting(JsonNode::asText).containsExactly("0x00000505");
        assertThat(second.get("metadata").get(1).get("meaning").asText()).isEqualTo("the end of the metadata");
        assertThat(second.get("metadata").get(1).get("payload")).isEmpty();
    }

    @Test
    void jsonShowsNoMetadataForAPatchWithoutIt() {
        Ucode.Run run = Ucode.run("list", "--format=json", "-s", "0x50654", Corpus.intelFirmware().toString(),
                Corpus.amdFirmware().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("entries")).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.get("patch").get("metadata")).isEmpty());
    }

    @Test
    void textIsATableWithOneRowPerEntryAndACount() {
        Path firmware = Corpus.root().resolve("lib/firmware");
        Ucode.Run run = Ucode.run("list", firmware.resolve("intel-ucode").toString(), firmware.resolve("amd-ucode").toString());

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).startsWith("#").contains("VENDOR", "SIGNATURE", "PF", "REVISION", "DATE", "SOURCE");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(" intel ", "06-55-04", "0x2007006"))
                .anySatisfy(line -> assertThat(line).contains(" amd ", "19-"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo((lines.size() - 2) + " entries selected");
    }

    @Test
    void allListsEveryPatchReadEvenWhereAFilterWouldDropIt() {
        String file = Corpus.intelFirmware().resolve("06-55-04").toString();

        Ucode.Run selected = Ucode.run("list", "-s", "!0x50654", file);
        Ucode.Run all = Ucode.run("list", "--all", "-s", "!0x50654", file);

        assertThat(selected.outLines()).noneMatch(line -> line.contains("0x00050654"));
        assertThat(all.outLines()).anyMatch(line -> line.contains("0x00050654"));
    }
}
