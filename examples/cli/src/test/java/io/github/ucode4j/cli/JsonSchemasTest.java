package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command's JSON validates against its schema, the file shipped in the jar: on Debian's corpus, on the
 * simulated machine, and in its failure outcomes (a broken file, a refused load), each with the exit code it has;
 * so does the record of the last load that {@code apply} leaves in its state folder, after each outcome.
 */
class JsonSchemasTest {
    private static final String SCHEMA_BASE = "https://ucode4j.github.io/schemas/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.schemas(JsonSchemasTest::shippedSchema)));
    private static final int PLANNED = 0xc6;

    @TempDir
    Path directory;

    @RegisterExtension
    final LateLoadableMachine machine = new LateLoadableMachine(PLANNED, () -> directory);



    /** One run: its arguments, the exit code it must have, and the simulated machine's properties it needs. */
    private record Case(List<String> args, int exitCode, String... machine) {
        static Case of(int exitCode, String... args) {
            return new Case(List.of(args), exitCode);
        }
    }

    @ParameterizedTest
    @EnumSource(JsonSchema.class)
    void everyOutcomeOfTheCommandValidates(JsonSchema document) throws IOException {
        com.networknt.schema.JsonSchema schema = shipped(document);

        for (Case run : cases(document)) {
            machine.properties().set(run.machine());
            Ucode.Run result = Ucode.run(run.args().toArray(String[]::new));

            assertThat(result.exitCode()).as(run.args() + ": " + result.err()).isEqualTo(run.exitCode());
            String printed = document == JsonSchema.LAST_APPLY ? Files.readString(stateDirectory().resolve("last-apply.json")) : result.out();
            assertThat(Json.mapper().readTree(printed).get("schema").asText()).isEqualTo(document.id());
            assertThat(schema.validate(printed, InputFormat.JSON)).as(run.args() + " against " + document.resource()).isEmpty();
        }
    }

    /** The schema of {@code document}, as the jar ships it. */
    static com.networknt.schema.JsonSchema shipped(JsonSchema document) {
        return SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + document.resource().substring("schemas/".length())));
    }

    // The runs that print each document, failures included; the switch names every document.
    private List<Case> cases(JsonSchema document) throws IOException {
        String intel = Corpus.intelFirmware().toString();
        String amd = Corpus.amdFirmware().toString();
        String json = "--format=json";
        String firmwareOption = "--firmware=" + machine.firmware();
        String stateOption = "--state-dir=" + stateDirectory();
        return switch (document) {
            case LIST -> List.of(Case.of(ExitCode.OK, "list", json, intel, amd), Case.of(ExitCode.OK, "list", json, "--all", intel, amd));
            case VERIFY -> List.of(Case.of(ExitCode.OK, "verify", json, intel, amd), Case.of(ExitCode.OK, "verify", json, "--lenient", intel),
                    Case.of(ExitCode.BAD_INPUT, "verify", json, brokenCopy().toString(), directory.resolve("missing").toString()));
            case STATUS -> List.of(Case.of(ExitCode.OK, "status", json));
            case EXPLAIN -> List.of(Case.of(ExitCode.OK, "explain", json, firmwareOption));
            case APPLY -> List.of(Case.of(ExitCode.OK, "apply", json, "--dry-run", firmwareOption),
                    new Case(List.of("apply", json, "--yes", firmwareOption), ExitCode.APPLY_FAILED, "ucode4j.simulated.faults", "1:refuses"),
                    new Case(List.of("apply", json, "--yes", firmwareOption), ExitCode.OK, "ucode4j.simulated.faults", ""),
                    new Case(List.of("apply", json, firmwareOption), ExitCode.OK, "ucode4j.simulated.revision", "0xf0"));
            case WRITE_EARLY_CPIO -> List.of(Case.of(ExitCode.OK, "write-early-cpio", json, "--overwrite", "-o",
                    directory.resolve("early.cpio").toString(), intel));
            case WRITE_FIRMWARE_DIR -> List.of(Case.of(ExitCode.OK, "write-firmware-dir", json, "--overwrite", "-o",
                    directory.resolve("lib-firmware").toString(), intel, amd));
            case DIFF -> List.of(Case.of(ExitCode.OK, "diff", json, intel, machine.firmware().resolve("intel-ucode").toString()));
            case DEMO -> List.of(Case.of(ExitCode.OK, "demo", json), Case.of(ExitCode.OK, "demo", json, "--vendor=amd"));
            case LAST_APPLY -> List.of(
                    new Case(List.of("apply", "--yes", stateOption, firmwareOption), ExitCode.APPLY_FAILED, "ucode4j.simulated.faults", "1:refuses"),
                    new Case(List.of("apply", "--yes", stateOption, firmwareOption), ExitCode.OK, "ucode4j.simulated.faults", ""));
        };
    }

    private Path stateDirectory() {
        return directory.resolve("state");
    }

    private Path brokenCopy() throws IOException {
        byte[] bytes = Files.readAllBytes(Corpus.intelFirmware().resolve("06-55-04"));
        bytes[100] ^= 0x01; // the first patch's checksum no longer adds up
        return Files.write(directory.resolve("06-55-04"), bytes);
    }

    // The schemas as the jar ships them, under the identifiers their $id and $ref name.
    private static String shippedSchema(String iri) {
        if (!iri.startsWith(SCHEMA_BASE)) {
            return null;
        }
        String resource = "/schemas/" + iri.substring(SCHEMA_BASE.length());
        try (InputStream in = JsonSchemasTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("the jar ships " + resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
