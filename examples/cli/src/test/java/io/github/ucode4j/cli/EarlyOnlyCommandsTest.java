package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ucode4j.testing.Corpus;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain} and {@code apply} on the simulated machine's own CPU, 06-9e-0a, whose microcode Debian marks as
 * early-only: the verdict is EARLY_ONLY with its rule and source, in text and JSON, and nothing is loaded, forced or
 * not.
 */
class EarlyOnlyCommandsTest {
    private static final String RULE = "06-9e-0a (0x906ea) must not be late-loaded: Debian intel-microcode 3.20200609.2 (2020-06-11) "
            + "marks models 0x8e and 0x9e early-only (LP#1883002: a late load hangs 0x806ec)";

    @TempDir
    Path directory;

    private Path runDirectory;
    private final SystemProperties properties = new SystemProperties();

    @BeforeEach
    void simulatedMachine() {
        runDirectory = directory.resolve("run");
        properties.simulatedMachine(runDirectory);
    }

    @AfterEach
    void restoreProperties() {
        properties.restore();
    }

    @Test
    void explainShowsTheVerdictWithItsRuleAndTheWayOut() throws Exception {
        Path firmware = GeneratedFirmware.forSimulatedMachine(directory.resolve("firmware"), 0xc6);

        Ucode.Run run = Ucode.run("explain", "--firmware=" + firmware);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).filteredOn(line -> line.matches("\\d+ +EARLY_ONLY +0xc6 .*")).hasSize(4)
                .allSatisfy(line -> assertThat(line).contains(RULE + "; load patch 0xc6 at boot through the early initramfs "
                        + "(ucode write-early-cpio); forcing does not change this: a forced late load is still a late load"));
        assertThat(run.out()).contains("plan: EARLY_ONLY 4; nothing to load");
    }

    @Test
    void explainJsonGivesTheVerdictOnDebiansOwnFiles() {
        properties.set("ucode4j.simulated.revision", "0xf0");
        Path firmware = Corpus.root().resolve("lib/firmware");

        JsonNode json = Ucode.run("explain", "--format=json", "--firmware", firmware.toString()).json();

        assertThat(json.get("loads_anything").asBoolean()).isFalse();
        assertThat(json.get("verdicts")).hasSize(4).allSatisfy(verdict -> {
            assertThat(verdict.get("verdict").asText()).isEqualTo("EARLY_ONLY");
            assertThat(verdict.get("reason").asText()).startsWith(RULE + "; load patch 0xfa at boot");
            assertThat(verdict.get("patch").get("revision").asText()).isEqualTo("0xfa");
            assertThat(verdict.get("patch").get("source").asText()).endsWith("intel-ucode/06-9e-0a.initramfs");
        });
    }

    @Test
    void forceLoadsNothingEitherForAnUpdateOrAReload() throws Exception {
        Path firmware = GeneratedFirmware.forSimulatedMachine(directory.resolve("firmware"), 0xc6);
        for (String revision : new String[] {"0xb4", "0xc6"}) {
            properties.set("ucode4j.simulated.revision", revision);

            Ucode.Run run = Ucode.run("apply", "--force", "--yes", "--firmware=" + firmware);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
            assertThat(run.out()).as("running " + revision).contains("plan: EARLY_ONLY 4; nothing to load")
                    .doesNotContain("FORCED", "UPDATED");
            assertThat(runDirectory).as("no load took the host lock").doesNotExist();
        }
    }
}
