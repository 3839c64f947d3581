package io.github.ucode4j.api.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host lock holds against a second taker in this JVM and in another one, and a refused attempt in this
 * JVM does not loosen it. The other JVM is a child started with this test's class path ({@link HostLockHolder}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostLockTest {
    static final String FILE_NAME = "test.lock";
    static final String ACTIVITY = "microcode load";
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path run;

    @Test
    void aSecondAcquireInThisJvmFailsAtOnceAndTheFirstStillHoldsAgainstAnotherJvm() throws Exception {
        try (HostLock first = HostLock.acquire(run.resolve(FILE_NAME), ACTIVITY)) {
            CompletableFuture<HostLock> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return HostLock.acquire(run.resolve(FILE_NAME), ACTIVITY);
                } catch (ApplyException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(second).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                    .havingRootCause().isInstanceOf(ApplyException.class)
                    .withMessageContaining("another microcode load is running on this host")
                    .withMessageContaining("by process " + PID + ", this one");
            assertThat(child("try")).as("another JVM, after this JVM's second attempt failed")
                    .startsWith("refused: ").contains("by process " + PID);
        }
        assertThat(child("try")).as("another JVM, once this one released the lock").isEqualTo("acquired");
    }

    @Test
    void anotherJvmHoldingTheLockIsNamedAndOnceItEndsThisJvmGetsIt() throws Exception {
        Process holder = start("hold");
        try {
            String held = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(held).isEqualTo("held " + holder.pid());

            assertThatThrownBy(() -> HostLock.acquire(run.resolve(FILE_NAME), ACTIVITY)).isInstanceOf(ApplyException.class)
                    .hasMessageContaining("another microcode load is running on this host")
                    .hasMessageContaining("by process " + holder.pid() + ")");

            holder.getOutputStream().close();
            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).as("the holder ended").isTrue();
            assertThat(holder.exitValue()).isZero();
        } finally {
            holder.destroyForcibly();
        }
        try (HostLock mine = HostLock.acquire(run.resolve(FILE_NAME), ACTIVITY)) {
            assertThat(child("try")).startsWith("refused: ").contains("by process " + PID + ")");
        }
    }

    // Runs HostLockHolder in another JVM to its end and returns what it printed.
    private String child(String mode) throws IOException, InterruptedException {
        Process process = start(mode);
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), HostLockHolder.class.getName(),
                mode, run.toString());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
