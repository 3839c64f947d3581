package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.cli.option.ChosenBackend;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every odd file says what it is, in words: a link to nothing, a loop of links, a path through a file, no
 * permission. In a folder such an entry is skipped with a warning (a FIFO or a subfolder silently, as iucode_tool
 * skips them); given itself, or to a command with nowhere to print a warning, it is an error.
 */
class FileProblemsTest {
    @TempDir
    Path directory;

    private Path folder;

    @BeforeEach
    void folderWithOnePatchAndOddEntries() throws Exception {
        folder = Files.createDirectory(directory.resolve("folder"));
        Files.write(folder.resolve("06-9e-0a"), HostileInputs.intelWithTable());
        Files.createSymbolicLink(folder.resolve("dangling"), folder.resolve("nowhere"));
        Files.createSymbolicLink(folder.resolve("loop"), Path.of("loop"));
        Files.createDirectory(folder.resolve("subfolder"));
        HostileInputs.FIFO.make(folder);
    }

    @Test
    void aFolderSkipsLinksToNothingAndLoopsWithAWarningEach() {
        for (String command : List.of("verify", "list")) {
            Ucode.Run run = Ucode.run(command, folder.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.errLines()).containsExactly(
                    "ucode " + command + ": warning: skipped " + folder + "/dangling: a symbolic link to nothing",
                    "ucode " + command + ": warning: skipped " + folder + "/loop: a loop of symbolic links");
        }
    }

    @Test
    void aCommandWithNowhereToWarnRefusesWhatItWouldSkip() {
        Ucode.Run run = Ucode.run("write-early-cpio", "-o", directory.resolve("early.cpio").toString(), folder.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("ucode write-early-cpio: " + folder
                + "/dangling@0x0: the input must be a readable regular file (a symbolic link to nothing) [INPUT_UNREADABLE]");
        assertThat(directory.resolve("early.cpio")).doesNotExist();
    }

    @Test
    void eachOddPathGivenItselfSaysWhatItIs() throws Exception {
        assertRefusedAs(folder.resolve("dangling"), "a symbolic link to nothing");
        assertRefusedAs(folder.resolve("loop"), "a loop of symbolic links");
        assertRefusedAs(folder.resolve("missing"), "no such file or directory");
        assertRefusedAs(folder.resolve("06-9e-0a").resolve("inside"), "not a directory");
        assertRefusedAs(folder.resolve("FIFO"), "not a regular file");
    }

    @Test
    void aVendorFolderThatCannotBeListedIsSkippedWithAWarning() throws Exception {
        Path firmware = Files.createDirectory(directory.resolve("firmware"));
        Files.createSymbolicLink(firmware.resolve("intel-ucode"), Path.of("intel-ucode"));
        Files.writeString(firmware.resolve("amd-ucode"), "a file where a folder should be\n");

        Ucode.Run run = Ucode.run("explain", "--backend=simulated", "--firmware=" + firmware);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).containsExactly(
                "ucode explain: warning: skipped " + firmware + "/intel-ucode: a loop of symbolic links",
                "ucode explain: warning: skipped " + firmware + "/amd-ucode: not a directory");
        assertThat(run.out()).contains("NO_PATCH");
    }

    @Test
    void aMachineFileABackendCannotReadSaysWhy() {
        ApplyBackend backend = new ApplyBackend() {
            @Override
            public String name() {
                return "unreadable";
            }

            @Override
            public int priority() {
                return 0;
            }

            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public Platform platform() throws IOException {
                throw new AccessDeniedException("/dev/cpu/0/msr");
            }
        };

        assertThatThrownBy(() -> new ChosenBackend(backend).platform()).isInstanceOf(CliFailure.class)
                .hasMessage("backend unreadable cannot read this machine: /dev/cpu/0/msr: permission denied");
    }

    /** Root reads a file of mode 000: as root, UnreadableInputsIT runs the same case without the capability. */
    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads a file of mode 000; UnreadableInputsIT covers root");
        Path file = Files.write(directory.resolve("unreadable"), HostileInputs.intelWithTable());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));

        assertRefusedAs(file, "permission denied");
    }

    private static void assertRefusedAs(Path path, String why) {
        Ucode.Run run = Ucode.run("verify", path.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().isEqualTo("ucode verify: " + path
                + "@0x0: the input must be a readable regular file (" + why + ") [INPUT_UNREADABLE]");
    }
}
