package io.github.ucode4j.cli.iucode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's own intel-microcode initramfs hook, run unchanged, prepends the same early cpio, byte for byte, with the
 * compat launcher first on PATH as with the real iucode_tool: in early mode (every patch) and in
 * {@code --scan-system} mode (what the running CPUs need). The hook reads fixed paths, so it runs in a private
 * mount namespace ({@code unshare -m}, as root) where a stub of initramfs-tools' hook-functions, a fixture
 * configuration and the corpus' firmware stand in for the machine's.
 *
 * <p>In scan-system mode the configuration also names one processor, {@value #NAMED_PROCESSOR}, through the hook's
 * own {@code IUCODE_TOOL_EXTRA_OPTIONS}, so that the proof writes patches whatever processor runs it: on a
 * non-Intel machine both tools say so and select only what is named; on an Intel one they add it to the running
 * processors' signatures, which both read from the same machine.
 */
class DebianHookIT {
    private static final Path COMPAT = Path.of(System.getProperty("ucode.launcher", "bin/ucode")).resolveSibling("compat");
    private static final int TIMEOUT_SECONDS = 300;
    private static final String NAMED_PROCESSOR = "0x806ec";

    @TempDir
    Path directory;

    @ParameterizedTest(name = "IUCODE_TOOL_SCANCPUS={0}")
    @CsvSource({"no", "yes"})
    void theHookPrependsTheSameEarlyCpioThroughTheCompatLauncher(String scanCpus) throws Exception {
        String extraOptions = scanCpus.equals("yes") ? "-s " + NAMED_PROCESSOR : "";
        Path hook = Corpus.root().resolve("usr/share/initramfs-tools/hooks/intel_microcode");
        requireNamespaces();
        Path realTool = Files.createDirectories(directory.resolve("real"));
        Files.createSymbolicLink(realTool.resolve("iucode_tool"), Corpus.iucodeTool().toAbsolutePath());

        byte[] withIucodeTool = prepended(hook, scanCpus, extraOptions, realTool, "real-run");
        byte[] withUcode = prepended(hook, scanCpus, extraOptions, COMPAT.toAbsolutePath(), "ucode-run");

        assertThat(withUcode).as("the cpio prepended through the compat launcher").isEqualTo(withIucodeTool);
        assertThat(withIucodeTool).as("every patch in early mode; at least the named processor's when scanning").isNotEmpty();
    }

    private byte[] prepended(Path hook, String scanCpus, String extraOptions, Path toolDirectory, String name) throws Exception {
        Path work = Files.createDirectories(directory.resolve(name));
        Path script = Files.writeString(directory.resolve("run-debian-hook.sh"), new String(
                DebianHookIT.class.getResourceAsStream("run-debian-hook.sh").readAllBytes(), StandardCharsets.UTF_8));
        Process process = new ProcessBuilder(List.of("unshare", "-m", "sh", script.toString(), hook.toAbsolutePath().toString(),
                work.toString(), Corpus.intelFirmware().toAbsolutePath().toString(), "early", scanCpus, toolDirectory.toString(),
                extraOptions))
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the hook did not finish in " + TIMEOUT_SECONDS + " s: " + output);
        }
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("the hook's messages").doesNotContain("E: intel-microcode");
        Path cpio = work.resolve("prepended.cpio");
        assertThat(cpio).as("the hook prepended a file: " + output).exists();
        return Files.readAllBytes(cpio);
    }

    // A private mount namespace needs root and unshare(1); CI runs as root, so there they must be there.
    private static void requireNamespaces() throws IOException, InterruptedException {
        boolean possible = Files.isDirectory(Path.of("/usr/share/initramfs-tools")) && Files.isDirectory(Path.of("/usr/share/misc"))
                && Files.isDirectory(Path.of("/lib/firmware")) && new ProcessBuilder("unshare", "-m", "true").start().waitFor() == 0;
        if (!possible) {
            String message = "the Debian hook proof needs root, unshare(1), /usr/share/initramfs-tools, /usr/share/misc and /lib/firmware";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("*** SKIPPED: " + message);
            assumeTrue(false, message);
        }
    }
}
