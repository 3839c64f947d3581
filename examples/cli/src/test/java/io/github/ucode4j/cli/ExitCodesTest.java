package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of failure ends with its exit code and one line, and only --debug shows a stack trace. */
class ExitCodesTest {
    @TempDir
    Path directory;

    private final SystemProperties properties = new SystemProperties();

    @AfterEach
    void restoreProperties() {
        properties.restore();
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Ucode.Run run = Ucode.run("list", "--no-such-option", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().startsWith("ucode list: ").contains("--no-such-option");
    }

    @Test
    void aFilterThatDoesNotParseIsAUsageError() {
        Ucode.Run run = Ucode.run("list", "-s", "0xnot-hex", directory.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("0xnot-hex");
    }

    @Test
    void aMissingFileIsBadInput() {
        Ucode.Run run = Ucode.run("list", directory.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().contains("missing", "[INPUT_UNREADABLE]");
    }

    @Test
    void aFileThatIsNotMicrocodeIsBadInput() throws Exception {
        Path text = Files.writeString(directory.resolve("README"), "not microcode at all\n");

        Ucode.Run run = Ucode.run("verify", text.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().contains("README@0x0", "[INPUT_UNRECOGNIZED]");
    }

    @Test
    void anUnknownBackendMeansNoBackendAndListsEveryBackendOnOneLine() {
        Ucode.Run run = Ucode.run("status", "--backend=no-such-backend");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NO_BACKEND);
        assertThat(run.errLines()).singleElement().asString()
                .contains("no backend called 'no-such-backend'", "simulated: available", "msr: ", "kernel: ");
    }

    @Test
    void aFailedLoadIsApplyFailed() throws Exception {
        Path firmware = GeneratedFirmware.forLateLoadableCpu(directory.resolve("firmware"), 0xc6);
        properties.set(GeneratedFirmware.LATE_LOADABLE_MACHINE);
        properties.set("ucode4j.simulated.faults", "0:refuses",
                "ucode4j.run-dir", directory.resolve("run").toString());

        Ucode.Run run = Ucode.run("apply", "--backend=simulated", "--yes", "--firmware=" + firmware);

        assertThat(run.exitCode()).isEqualTo(ExitCode.APPLY_FAILED);
    }

    @Test
    void noStackTraceWithoutDebugAndOneWithIt() {
        String missing = directory.resolve("missing").toString();

        // list stops at an input it cannot read (verify reports it and goes on, so it has no trace to show).
        Ucode.Run quiet = Ucode.run("list", missing);
        Ucode.Run debug = Ucode.run("list", "--debug", missing);
        Ucode.Run debugFirst = Ucode.run("--debug", "list", missing);

        assertThat(quiet.err()).doesNotContain("\tat ", "Exception");
        assertThat(debug.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(debug.err()).contains("MicrocodeFormatException", "\tat ");
        assertThat(debugFirst.err()).contains("\tat ");
    }

    @Test
    void noCommandIsAUsageError() {
        Ucode.Run run = Ucode.run();

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("name a command");
    }
}
