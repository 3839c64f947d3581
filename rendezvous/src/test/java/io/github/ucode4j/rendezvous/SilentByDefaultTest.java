package io.github.ucode4j.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library is silent unless its embedder asks: a whole apply in a JVM with no logging configuration (the JDK's
 * default backend, java.util.logging, prints INFO and above to standard error) writes nothing to standard error,
 * and the same apply with logging turned up shows the library's records there.
 */
class SilentByDefaultTest {
    @TempDir
    Path directory;

    @Test
    void aWholeApplyWithNoLoggingConfigurationPrintsNothing() throws Exception {
        Run run = apply(List.of());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void theSameApplyWithLoggingAtDebugShowsTheLibrarysDecisions() throws Exception {
        Path configuration = Files.writeString(directory.resolve("logging.properties"), String.join("\n",
                "handlers=java.util.logging.ConsoleHandler", "java.util.logging.ConsoleHandler.level=ALL", "io.github.ucode4j.level=FINE", ""));

        Run run = apply(List.of("-Djava.util.logging.config.file=" + configuration));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("chose the simulated backend: named by the caller", "took the host-wide lock",
                "rendezvous ended", "load on the simulated backend succeeded");
    }

    private record Run(int exitCode, String stderr) {
    }

    private Run apply(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), QuietApply.class.getName(),
                Files.createTempDirectory(directory, "run").toString()));
        Path stderr = directory.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the apply did not end within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
