package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --version} names the version, the commit built and the JVM; {@code help CMD}; a mistyped command. */
class VersionAndHelpTest {
    @Test
    void versionNamesTheCommitBuiltAndTheRunningJvm() {
        Ucode.Run run = Ucode.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).matches("ucode \\d+\\.\\d+\\.\\d+.*");
        assertThat(run.outLines().get(2)).contains(System.getProperty("java.vendor"), System.getProperty("java.runtime.version"));
    }

    @Test
    void aBuildFromAGitCheckoutRecordsItsCommit() {
        // The tests run in the module's folder; its checkout's root is two levels up.
        boolean fromGit = Files.exists(Path.of("").toAbsolutePath().resolve("../../.git"));

        String commitLine = Ucode.run("--version").outLines().get(1);

        assertThat(commitLine).matches(fromGit ? "commit [0-9a-f]{40}" : "commit unknown");
    }

    @Test
    void helpOfACommandIsItsUsage() {
        Ucode.Run run = Ucode.run("help", "apply");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: ucode apply").contains("--detailed-exitcode", "--format=FORMAT");
    }

    @Test
    void aMistypedCommandSuggestsTheNearest() {
        Ucode.Run run = Ucode.run("lsit");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).containsExactly("ucode: Unmatched argument at index 0: 'lsit' (see 'ucode --help')",
                "Did you mean: ucode list?");
    }

    @Test
    void aMistypedOptionSuggestsTheNearest() {
        Ucode.Run run = Ucode.run("list", "--formt=json", ".");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Possible solutions: --format");
    }

    @Test
    void nothingIsSuggestedForAWordFarFromEveryCommand() {
        Ucode.Run run = Ucode.run("frobnicate");

        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void theExitCodesInTheHelpIncludeTheDetailedOne() {
        assertThat(Ucode.run("--help").out()).contains("10   with --detailed-exitcode");
    }
}
