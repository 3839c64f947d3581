package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.intel.IntelPatchBuilder;
import io.github.ucode4j.testing.IucodeTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One patch (same signatures, platform mask and revision) shipped in two files whose bytes differ: each file names
 * its own processor as the primary signature and the other's in the extended table, as Intel ships 06-8f-05 and
 * 06-8f-07. iucode_tool, which compares only the data after the header, keeps the first file read and says
 * nothing; ucode keeps the same one and warns once per signature, and verify reports every such conflict.
 */
class SamePatchShippedTwiceTest {
    private static final int REVISION = 0x2b000620;

    @TempDir
    Path directory;
    private Path first;
    private Path second;

    @BeforeEach
    void writeBothFiles() throws Exception {
        first = write("06-8f-05", 0x806f5, 0x806f7);
        second = write("06-8f-07", 0x806f7, 0x806f5);
    }

    private Path write(String name, int primary, int extended) throws Exception {
        return Files.write(directory.resolve(name), IntelPatchBuilder.patch().signature(primary).platformFlags(0x87)
                .extendedSignature(extended, 0x87).revision(REVISION).date(LocalDate.of(2025, 2, 4)).dataSize(2048, 7).build());
    }

    @Test
    void listKeepsTheFirstPrintsWhatIucodeToolPrintsAndWarnsOncePerSignature() throws Exception {
        Ucode.Run run = Ucode.run("list", "--format=iucode", first.toString(), second.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactlyElementsOf(IucodeToolProcess.stdout(
                List.of("-l", first.toString(), second.toString())));
        assertThat(run.errLines()).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("warning", "CACHE_CONFLICTING_PATCHES", first + "@0x0", second + "@0x0", "is kept"));
    }

    @Test
    void theTextListAlsoKeepsTheFirst() {
        Ucode.Run run = Ucode.run("list", first.toString(), second.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("06-8f-05@0x0").doesNotContain("06-8f-07@0x0");
    }

    @Test
    void theEarlyCpioIsIucodeToolsByteForByte() throws Exception {
        Path ours = directory.resolve("ours.cpio");
        Path theirs = directory.resolve("theirs.cpio");

        Ucode.Run run = Ucode.run("write-early-cpio", "-o", ours.toString(), first.toString(), second.toString());
        IucodeTool.Run reference = IucodeTool.run(directory,
                List.of("--write-earlyfw=" + theirs, first.toString(), second.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(reference.exitCode()).as(reference.stderr().toString()).isZero();
        assertThat(run.err()).contains("warning", "CACHE_CONFLICTING_PATCHES");
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
    }

    @Test
    void verifyReportsEveryConflictAndFails() {
        Ucode.Run run = Ucode.run("verify", first.toString(), second.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat((run.out() + run.err()).lines().filter(l -> l.contains("CACHE_CONFLICTING_PATCHES")))
                .hasSize(2).allSatisfy(l -> assertThat(l).startsWith("        ERROR"));
    }

    @Test
    void lenientVerifyWarnsOfEveryConflictAndPasses() {
        Ucode.Run run = Ucode.run("verify", "--lenient", first.toString(), second.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("CACHE_CONFLICTING_PATCHES")))
                .hasSize(2).allSatisfy(l -> assertThat(l).startsWith("        WARNING"));
        assertThat(run.out()).contains("all good, 2 warning(s)");
    }
}
