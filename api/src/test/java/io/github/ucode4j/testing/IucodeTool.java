package io.github.ucode4j.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real iucode_tool from the corpus, with a timeout, and captures its output: the tests' reference. */
public final class IucodeTool {
    private static final long TIMEOUT_SECONDS = 60;

    /**
     * What one run printed.
     *
     * @param exitCode the exit status
     * @param stdout standard output, by line
     * @param stderr standard error, by line
     */
    public record Run(int exitCode, List<String> stdout, List<String> stderr) {
    }

    private IucodeTool() {
    }

    /** Runs iucode_tool with {@code arguments} in {@code directory}; skips the test when the corpus is absent. */
    public static Run run(Path directory, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Corpus.iucodeTool().toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<List<String>> stderr = CompletableFuture.supplyAsync(() -> lines(process.getErrorStream()));
        List<String> stdout = lines(process.getInputStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("iucode_tool did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(process.exitValue(), stdout, stderr.join());
    }

    /** The standard-error lines without iucode_tool's {@code "PROGRAM: "} prefix. */
    public static List<String> messages(Run run) {
        return run.stderr().stream().map(line -> line.substring(line.indexOf(": ") + 2)).toList();
    }

    private static List<String> lines(InputStream stream) {
        try (stream) {
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : text.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
