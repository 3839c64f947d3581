package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real launcher, {@code bin/ucode}, on the packaged jar, as a process started in a test's folder. */
final class LauncherProcess {
    /** The launcher of the build tree. */
    static final Path LAUNCHER = Path.of(System.getProperty("ucode.launcher", "bin/ucode"));
    /** The packaged jar. */
    static final Path JAR = Path.of(System.getProperty("ucode.jar", "target/ucode.jar"));
    private static final int TIMEOUT_SECONDS = 60;

    /**
     * What one run printed and returned.
     *
     * @param exitCode the exit code
     * @param out standard output, as UTF-8
     * @param err standard error, as UTF-8
     */
    record Run(int exitCode, String out, String err) {
    }

    private final Path directory;
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> prefix = new ArrayList<>();
    private Path launcher = LAUNCHER;

    /** Runs in {@code directory}, keeping the CDS archives in its {@code cds} folder. */
    LauncherProcess(Path directory) {
        this.directory = directory;
        environment.put("UCODE_JAR", JAR.toAbsolutePath().toString());
        environment.put("UCODE_CDS_DIR", directory.resolve("cds").toString());
    }

    /** Sets an environment variable of the runs. */
    LauncherProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Leaves an environment variable unset in the runs, whatever this process has. */
    LauncherProcess without(String name) {
        environment.put(name, null);
        return this;
    }

    /** Runs this copy of, or link to, the launcher instead of the build tree's. */
    LauncherProcess launcher(Path script) {
        this.launcher = script;
        return this;
    }

    /** Starts the launcher through {@code command} ({@code setpriv ... --}). */
    LauncherProcess through(List<String> command) {
        prefix.addAll(command);
        return this;
    }

    /** Runs {@code bin/ucode args}. */
    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return start(command);
    }

    /**
     * Runs the bash {@code script} with the launcher as {@code $0}, for arguments a Java string cannot carry: {@code
     * exec "$0" list "$(printf 'caf\xe9')"}.
     */
    Run script(String script) throws IOException, InterruptedException {
        return start(List.of("bash", "-c", script, launcher.toAbsolutePath().toString()));
    }

    private Run start(List<String> launcher) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(launcher);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Path err = Files.createTempFile(directory, "stderr", ".txt");
        Process process = builder.redirectError(err.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the launcher finished: %s", command).isTrue();
        return new Run(process.exitValue(), out, Files.readString(err));
    }
}
