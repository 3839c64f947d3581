package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.testing.IucodeTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The corpus' iucode_tool, run over files given by absolute path: the reference for iucode-compatible output. */
final class IucodeToolProcess {
    private IucodeToolProcess() {
    }

    /** iucode_tool's standard output for {@code arguments}; asserts it succeeded. Skips the test without the corpus. */
    static List<String> stdout(List<String> arguments) throws IOException, InterruptedException {
        IucodeTool.Run run = IucodeTool.run(Path.of("."), arguments);
        assertThat(run.exitCode()).as("iucode_tool %s: %s", arguments, run.stderr()).isZero();
        return run.stdout();
    }

    /** The regular files of {@code directory} as absolute paths, sorted: the order ucode reads a directory in. */
    static List<String> sortedFiles(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.toAbsolutePath().toString()).sorted().toList();
        }
    }
}
