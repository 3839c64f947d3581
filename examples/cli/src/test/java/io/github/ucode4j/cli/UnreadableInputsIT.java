package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ucode4j.cli.LauncherProcess.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Permission denied" as the launcher meets it. Root reads any file whatever its mode, so as root the launcher runs
 * through {@code setpriv} without the two capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): the
 * kernel then checks modes for root as for anyone. As another user it runs as it is.
 */
class UnreadableInputsIT {
    private static final List<String> WITHOUT_DAC_OVERRIDE =
            List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--");

    @TempDir
    Path directory;

    private LauncherProcess ucode;

    @BeforeEach
    void unprivilegedLauncher() throws Exception {
        ucode = new LauncherProcess(directory);
        if ("root".equals(System.getProperty("user.name"))) {
            assumeTrue(new ProcessBuilder("setpriv", "--version").start().waitFor() == 0, "setpriv is needed to drop root's capabilities");
            ucode.through(WITHOUT_DAC_OVERRIDE);
        }
    }

    @Test
    void aFileOfMode000IsRefusedAsPermissionDenied() throws Exception {
        Path file = unreadable(Files.write(directory.resolve("06-9e-0a"), HostileInputs.intelWithTable()));

        Run run = ucode.run("verify", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("ucode verify: " + file
                + "@0x0: the input must be a readable regular file (permission denied) [INPUT_UNREADABLE]");
    }

    @Test
    void aFolderOfMode000GivenItselfIsRefusedAsPermissionDenied() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder"));
        Files.write(folder.resolve("06-9e-0a"), HostileInputs.intelWithTable());
        unreadable(folder);

        Run run = ucode.run("list", folder.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("ucode list: " + folder
                + "@0x0: the input must be a readable regular file (cannot list the folder: permission denied) [INPUT_UNREADABLE]");
    }

    @Test
    void anUnreadableVendorFolderIsSkippedWithAWarning() throws Exception {
        Path firmware = GeneratedFirmware.forSimulatedMachine(directory.resolve("firmware"), 0xc6);
        Files.write(Files.createDirectory(firmware.resolve("amd-ucode")).resolve("microcode_amd_fam17h.bin"), HostileInputs.amdContainer());
        unreadable(firmware.resolve("intel-ucode"));

        Run run = ucode.run("explain", "--backend=simulated", "--firmware=" + firmware);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).containsExactly("ucode explain: warning: skipped " + firmware + "/intel-ucode: permission denied");
        assertThat(run.out()).contains("NO_PATCH");
    }

    @Test
    void entriesOfAFolderThatCanBeListedButNotSearchedAreSkippedWithAWarningEach() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder"));
        Files.write(folder.resolve("06-9e-0a"), HostileInputs.intelWithTable());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r--r--r--"));

        Run run = ucode.run("verify", folder.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines()).containsExactly("ucode verify: warning: skipped " + folder + "/06-9e-0a: permission denied");
        assertThat(run.out()).contains("0 files");
    }

    private static Path unreadable(Path path) throws Exception {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
    }
}
