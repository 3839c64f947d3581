package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ucode verify}: the corpus passes; a broken copy fails with one line naming file, offset and rule. */
class VerifyCommandTest {
    @TempDir
    Path directory;

    @Test
    void theWholeCorpusVerifies() {
        Path firmware = Corpus.root().resolve("lib/firmware");

        Ucode.Run run = Ucode.run("verify", firmware.resolve("intel-ucode").toString(), firmware.resolve("amd-ucode").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(run.outLines().size() - 1)).endsWith("all good");
    }

    @Test
    void aCorruptedCopyFailsWithOneLineNamingFileOffsetAndRule() throws Exception {
        byte[] bytes = Files.readAllBytes(Corpus.intelFirmware().resolve("06-55-04"));
        bytes[100] ^= 0x01; // inside the first patch's data: its checksum no longer adds up
        Path broken = Files.write(directory.resolve("06-55-04"), bytes);

        Ucode.Run run = Ucode.run("verify", broken.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("ucode verify: " + broken + "@0x10: ").endsWith("[INTEL_HEADER_CHECKSUM]"));
        assertThat(run.out()).contains("BROKEN  " + broken).contains("1 of 1 files are broken");
    }

    @Test
    void lenientAcceptsWhatOnlyStrictChecksRejectAndSaysSo() throws Exception {
        Path odd = Files.write(directory.resolve("odd-size"), IntelPatchBuilder.patch().revision(2).dataSize(64, 1)
                .padTotalSizeTo1024(false).build());

        Ucode.Run strict = Ucode.run("verify", odd.toString());
        Ucode.Run lenient = Ucode.run("verify", "--lenient", odd.toString());

        assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(lenient.exitCode()).as(lenient.err()).isEqualTo(ExitCode.OK);
        assertThat(lenient.out()).contains("ok      " + odd).contains("[INTEL_");
    }

    @Test
    void lenientLabelsWhatItDowngradesAWarningAndCountsItInTheSummary() throws Exception {
        Path odd = Files.write(directory.resolve("odd-size"), IntelPatchBuilder.patch().revision(2).dataSize(64, 1)
                .padTotalSizeTo1024(false).build());

        Ucode.Run lenient = Ucode.run("verify", "--lenient", odd.toString());

        assertThat(lenient.outLines()).filteredOn(l -> l.contains("[INTEL_")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("        WARNING " + odd));
        assertThat(lenient.outLines()).last().asString().endsWith("all good, 1 warning(s)");
    }

    @Test
    void aPathThatCannotBeReadIsReportedAndTheFilesAfterItAreStillChecked() throws Exception {
        Path first = GeneratedFirmware.intel(directory.resolve("first"), GeneratedFirmware.SIMULATED_SIGNATURE, 0x02, 1);
        Path missing = directory.resolve("missing");
        Path last = GeneratedFirmware.intel(directory.resolve("last"), GeneratedFirmware.LATE_LOADABLE_SIGNATURE, 0x02, 1);

        Ucode.Run run = Ucode.run("verify", first.toString(), missing.toString(), last.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.outLines()).containsExactly("ok      " + first + ": 1 INTEL patch(es)", "BROKEN  " + missing,
                "ok      " + last + ": 1 INTEL patch(es)", "1 of 3 files are broken");
        assertThat(run.err()).contains(missing.toString());
    }
}
