package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names with control characters are shown escaped wherever they reach the output, the warnings and the
 * errors, so that they can neither break a line nor drive the terminal; JSON carries the real name.
 */
class OddNamesTest {
    private static final String NEWLINE_NAME = "a\nb";
    private static final String ANSI_NAME = "\u001b[31mred\u001b[0m";
    private static final String C1_NAME = "csi\u009b2J\u007f";

    @TempDir
    Path directory;

    @Test
    void aBrokenFileWithANewlineInItsNameIsOneErrorLine() throws Exception {
        Path broken = Files.write(directory.resolve(NEWLINE_NAME), HostileInputs.HEADER_CHECKSUM.bytes());

        Ucode.Run verify = Ucode.run("verify", broken.toString());
        Ucode.Run list = Ucode.run("list", broken.toString());

        assertThat(verify.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(verify.errLines()).singleElement().asString().startsWith("ucode verify: " + directory + "/a\\nb@0x10: ");
        assertThat(verify.outLines()).contains("BROKEN  " + directory + "/a\\nb");
        assertThat(list.errLines()).singleElement().asString().startsWith("ucode list: " + directory + "/a\\nb@0x10: ");
    }

    @Test
    void namesWithEscapeSequencesAreShownEscapedInEveryFormat() throws Exception {
        Path ansi = Files.write(directory.resolve(ANSI_NAME), HostileInputs.intelWithTable());
        Path c1 = Files.write(directory.resolve(C1_NAME), HostileInputs.amdContainer());

        Ucode.Run verify = Ucode.run("verify", directory.toString());
        Ucode.Run table = Ucode.run("list", directory.toString());
        Ucode.Run iucode = Ucode.run("list", "--format=iucode", ansi.toString(), c1.toString());

        for (Ucode.Run run : new Ucode.Run[] {verify, table, iucode}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out() + run.err()).doesNotContain("\u001b", "\u009b", "\u007f");
        }
        assertThat(verify.out())
                .contains("ok      " + directory + "/\\x1b[31mred\\x1b[0m: ", "ok      " + directory + "/csi\\xc2\\x9b2J\\x7f: ");
        assertThat(table.out()).contains(directory + "/\\x1b[31mred\\x1b[0m@0x0", directory + "/csi\\xc2\\x9b2J\\x7f@0x");
        assertThat(iucode.outLines()).contains("microcode bundle 1: " + directory + "/\\x1b[31mred\\x1b[0m");
        assertThat(iucode.errLines()).singleElement().asString()
                .isEqualTo("ucode list: warning: skipped " + directory + "/csi\\xc2\\x9b2J\\x7f: iucode_tool lists Intel microcode only");
    }

    @Test
    void jsonCarriesTheRealNames() throws Exception {
        Files.write(directory.resolve(NEWLINE_NAME), HostileInputs.intelWithTable());
        Files.write(directory.resolve(C1_NAME), HostileInputs.amdContainer());

        Ucode.Run run = Ucode.run("list", "--format=json", directory.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("\u009b", "\u007f");
        assertThat(run.json().get("inputs").findValuesAsText("source"))
                .containsExactly(directory.resolve(NEWLINE_NAME).toString(), directory.resolve(C1_NAME).toString());
        assertThat(run.json().get("entries").findValuesAsText("source")).contains(directory.resolve(NEWLINE_NAME).toString());
    }

    @Test
    void aNameThatIsNotUtf8IsReadGivenOrFoundAndShownWithItsByteEscaped() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder"));
        Files.write(folder.resolve(FileNames.of(new byte[] {'c', 'a', 'f', (byte) 0xe9})), HostileInputs.intelWithTable());
        Files.write(folder.resolve(FileNames.of(new byte[] {'b', 'a', 'd', (byte) 0xff})), HostileInputs.HEADER_CHECKSUM.bytes());

        // an argument carries the byte as Main hands it over from the command line's bytes
        Ucode.Run given = Ucode.run("list", "--format=json", folder + "/caf\udce9");
        Ucode.Run found = Ucode.run("verify", folder.toString());

        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.json().get("inputs").get(0).get("source").asText()).isEqualTo(folder + "/caf\\xe9");
        assertThat(found.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(found.outLines()).contains("BROKEN  " + folder + "/bad\\xff")
                .anyMatch(line -> line.startsWith("ok      " + folder + "/caf\\xe9: "));
        assertThat(found.errLines()).singleElement().asString().startsWith("ucode verify: " + folder + "/bad\\xff@0x10: ");
    }

    @Test
    void aNameWithANulIsAUsageErrorInWords() {
        Ucode.Run run = Ucode.run("list", "a\u0000b");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("'a\\x00b' is not a file name").doesNotContain("java.");
    }

    @Test
    void aWarningNamesTheFileEscaped() throws Exception {
        Path firmware = GeneratedFirmware.forSimulatedMachine(directory.resolve("firmware"), 0xc6);
        Files.writeString(firmware.resolve("intel-ucode").resolve("README\n\u001b[2J"), "not microcode\n");

        Ucode.Run run = Ucode.run("explain", "--backend=simulated", "--firmware=" + firmware);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("ucode explain: warning: skipped " + firmware + "/intel-ucode/README\\n\\x1b[2J: not microcode");
    }
}
