package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.testing.Corpus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code write-early-cpio} and {@code write-firmware-dir}: iucode_tool's bytes, atomic, never through a link. */
class WriteCommandsTest {
    @TempDir
    Path directory;

    @ParameterizedTest(name = "filter {0}")
    @ValueSource(strings = {"", "0x50654", "!0x806ec"})
    void theEarlyCpioIsByteIdenticalToIucodeTools(String filter) throws Exception {
        Path intel = Corpus.intelFirmware();
        Path ours = directory.resolve("ours.cpio");
        Path theirs = directory.resolve("theirs.cpio");
        List<String> selection = filter.isEmpty() ? List.of() : List.of("-s", filter);
        List<String> arguments = new ArrayList<>(List.of("write-early-cpio", "-o", ours.toString()));
        arguments.addAll(selection);
        arguments.add(intel.toString());
        List<String> reference = new ArrayList<>(selection);
        reference.add("--write-earlyfw=" + theirs);
        reference.addAll(IucodeToolProcess.sortedFiles(intel));

        Ucode.Run run = Ucode.run(arguments.toArray(String[]::new));
        IucodeToolProcess.stdout(reference);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
    }

    @Test
    void anExistingFileIsReplacedOnlyWithOverwrite() throws Exception {
        Path input = GeneratedFirmware.forSimulatedMachine(directory.resolve("in"), 0xc6);
        Path output = Files.writeString(directory.resolve("early.cpio"), "old");

        Ucode.Run refused = Ucode.run("write-early-cpio", "-o", output.toString(), input.resolve("intel-ucode").toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.errLines()).singleElement().asString()
                .isEqualTo("ucode write-early-cpio: " + output + ": exists; pass --overwrite to replace it");
        assertThat(Files.readString(output)).isEqualTo("old");

        Ucode.Run replaced = Ucode.run("write-early-cpio", "--overwrite", "-o", output.toString(), input.resolve("intel-ucode").toString());
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(Files.size(output)).isGreaterThan(1024);
    }

    @Test
    void aNewFileIsReadableByAllAndAReplacedOneKeepsItsMode() throws Exception {
        Path input = GeneratedFirmware.forSimulatedMachine(directory.resolve("in"), 0xc6).resolve("intel-ucode");
        Path created = directory.resolve("early.cpio");
        Path replaced = Files.writeString(directory.resolve("initrd-early.cpio"), "old");
        Files.setAttribute(replaced, "unix:mode", 0600);

        assertThat(Ucode.run("write-early-cpio", "-o", created.toString(), input.toString()).exitCode()).isZero();
        assertThat(Ucode.run("write-early-cpio", "--overwrite", "-o", replaced.toString(), input.toString()).exitCode()).isZero();

        assertThat(Files.getAttribute(created, "unix:mode")).isEqualTo(0100644);
        assertThat(Files.getAttribute(replaced, "unix:mode")).isEqualTo(0100600);
    }

    @Test
    void aLinkedAmdDirectoryIsRefusedBeforeTheIntelFilesAreWritten() throws Exception {
        Path input = GeneratedFirmware.forSimulatedMachine(directory.resolve("in"), 0xc6);
        Path amd = Files.write(directory.resolve("in/microcode_amd_fam15h.bin"),
                bytes(DemoFirmware.forVendor(Vendor.AMD).generate(1)));
        Path output = Files.createDirectory(directory.resolve("out"));
        Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));
        Files.createSymbolicLink(output.resolve("amd-ucode"), elsewhere);

        Ucode.Run run = Ucode.run("write-firmware-dir", "--overwrite", "-o", output.toString(),
                input.resolve("intel-ucode").toString(), amd.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("ucode write-firmware-dir: " + output.resolve("amd-ucode") + ": is a symbolic link; refusing to write through it");
        assertThat(output.resolve("intel-ucode")).doesNotExist();
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aSymbolicLinkIsNeverWrittenThrough() throws Exception {
        Path input = GeneratedFirmware.forSimulatedMachine(directory.resolve("in"), 0xc6).resolve("intel-ucode");
        Path victim = Files.writeString(directory.resolve("victim"), "keep");
        Path link = Files.createSymbolicLink(directory.resolve("early.cpio"), victim);

        Ucode.Run run = Ucode.run("write-early-cpio", "--overwrite", "-o", link.toString(), input.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().contains("symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("keep");
    }

    @Test
    void theFirmwareDirectoryHoldsAFilePerSignatureAndRefusesALinkedDirectory() throws Exception {
        Path input = GeneratedFirmware.forSimulatedMachine(directory.resolve("in"), 0xc6);
        GeneratedFirmware.intel(input.resolve("intel-ucode/06-55-04"), 0x50654, 0xb7, 0x2007006);
        Path output = directory.resolve("out");

        Ucode.Run run = Ucode.run("write-firmware-dir", "-o", output.toString(), input.resolve("intel-ucode").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(output.resolve("intel-ucode/06-9e-0a")).hasSameBinaryContentAs(input.resolve("intel-ucode/06-9e-0a"));
        assertThat(output.resolve("intel-ucode/06-55-04")).hasSameBinaryContentAs(input.resolve("intel-ucode/06-55-04"));

        Ucode.Run again = Ucode.run("write-firmware-dir", "-o", output.toString(), input.resolve("intel-ucode").toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(again.errLines()).singleElement().asString().endsWith(": exists; pass --overwrite to replace it");

        Path link = Files.createSymbolicLink(directory.resolve("linked"), Files.createDirectory(directory.resolve("elsewhere")));
        Ucode.Run linked = Ucode.run("write-firmware-dir", "-o", link.toString(), input.resolve("intel-ucode").toString());
        assertThat(linked.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(linked.errLines()).singleElement().asString().contains("symbolic link");
        assertThat(directory.resolve("elsewhere")).isEmptyDirectory();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
