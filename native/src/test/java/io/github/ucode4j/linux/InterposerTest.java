package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.JnaLibc;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bindings resolve through the process's global symbol scope, so an {@code LD_PRELOAD} interposer sees them:
 * a child JVM with a preloaded {@code sched_getcpu} that answers 4242 must get 4242. Needs a C compiler; skipped
 * without one.
 */
class InterposerTest {
    private static final int INTERPOSED_CPU = 4242;

    @TempDir
    Path root;

    /** The child's entry point: prints what the bindings' {@code sched_getcpu} returns. */
    public static void main(String[] args) throws ApplyException {
        System.out.println(JnaLibc.load().schedGetcpu());
    }

    @Test
    void aPreloadedSchedGetcpuIsWhatTheBindingsCall() throws Exception {
        Optional<Path> compiler = onPath("cc");
        if (compiler.isEmpty()) {
            System.err.println("*** SKIPPED: no C compiler (cc) on PATH to build an LD_PRELOAD interposer");
        }
        assumeTrue(compiler.isPresent(), "no C compiler on PATH");
        Path source = Files.writeString(root.resolve("interposer.c"), "int sched_getcpu(void) { return " + INTERPOSED_CPU + "; }\n");
        Path library = root.resolve("interposer.so");
        assertThat(run(List.of(compiler.get().toString(), "-shared", "-fPIC", "-o", library.toString(), source.toString()), Optional.empty()))
                .as("compiling the interposer").isEmpty();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> child = List.of(java, "-cp", System.getProperty("java.class.path"), InterposerTest.class.getName());
        assertThat(run(child, Optional.of(library)).strip()).isEqualTo(Integer.toString(INTERPOSED_CPU));
        assertThat(Integer.parseInt(run(child, Optional.empty()).strip())).as("without the interposer").isLessThan(INTERPOSED_CPU);
    }

    private String run(List<String> command, Optional<Path> preload) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        preload.ifPresent(p -> builder.environment().put("LD_PRELOAD", p.toString()));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command + " printed: " + output).isZero();
        return output;
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }
}
