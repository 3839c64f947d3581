package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the corpus' iucode_tool, the reference the iucode-compatible output is checked against. */
final class IucodeToolProcess {
    private static final long TIMEOUT_SECONDS = 60;

    private IucodeToolProcess() {
    }

    /** iucode_tool's standard output for {@code arguments}; asserts it succeeded. Skips the test without the corpus. */
    static List<String> stdout(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Corpus.iucodeTool().toString());
        command.addAll(arguments);
        Path errors = Files.createTempFile("iucode_tool", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("iucode_tool finished").isTrue();
            assertThat(process.exitValue()).as("iucode_tool %s: %s", arguments, Files.readString(errors)).isZero();
            return out.lines().toList();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The regular files of {@code directory} as absolute paths, sorted: the order ucode reads a directory in. */
    static List<String> sortedFiles(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.toAbsolutePath().toString()).sorted().toList();
        }
    }
}
