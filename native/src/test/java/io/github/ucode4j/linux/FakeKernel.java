package io.github.ucode4j.linux;

import io.github.ucode4j.linux.libc.Libc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The kernel behind a fixture's {@code reload} file, as far as the backend can tell: on a reload it looks the firmware
 * file up as the kernel's loader does (the search path's directory first, then {@code lib/firmware}), remembers what
 * it saw, and answers with an errno; when it loads, every CPU's sysfs revision moves.
 */
final class FakeKernel {
    /**
     * One look-up.
     *
     * @param searchPath the search path parameter's bytes at that moment, as ISO-8859-1 text, exactly as written
     * @param file the file it read, if it found one
     * @param bytes what it read (empty when it found none)
     */
    record Lookup(String searchPath, Optional<Path> file, byte[] bytes) {
    }

    private final FixtureMachine machine;
    private final String firmwareName;
    private final List<Lookup> lookups = new CopyOnWriteArrayList<>();
    private int errno;
    private OptionalInt loadsRevision = OptionalInt.empty();
    private int cpus;
    private CountDownLatch releasedBy = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /** A kernel of {@code machine} that asks for {@code firmwareName} ({@code intel-ucode/06-55-04}) and loads. */
    FakeKernel(FixtureMachine machine, String firmwareName) {
        this.machine = machine;
        this.firmwareName = firmwareName;
    }

    /** Answers {@code errno} (0: loads). */
    FakeKernel answering(int answer) {
        this.errno = answer;
        return this;
    }

    /** When it loads, moves the sysfs revision of CPUs 0 to {@code cpuCount - 1} to {@code revision}. */
    FakeKernel loading(int revision, int cpuCount) {
        this.loadsRevision = OptionalInt.of(revision);
        this.cpus = cpuCount;
        return this;
    }

    /** Does not look anything up before {@code release} opens (at most 30 s): a reload that hangs. */
    FakeKernel blockedUntil(CountDownLatch release) {
        this.releasedBy = release;
        return this;
    }

    /** The trigger the backend is given. */
    Function<Libc, ReloadTrigger> trigger() {
        return libc -> reload -> {
            entered.countDown();
            try {
                if (!releasedBy.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("the fake kernel was never released");
                }
                lookups.add(lookUp());
                for (int cpu = 0; errno == 0 && loadsRevision.isPresent() && cpu < cpus; cpu++) {
                    machine.microcodeVersion(cpu, loadsRevision.getAsInt());
                }
                return errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } finally {
                finished.countDown();
            }
        };
    }

    private Lookup lookUp() {
        try {
            String searchPath = new String(Files.readAllBytes(machine.roots.firmwareSearchPath()), StandardCharsets.ISO_8859_1);
            String value = kernelValue(searchPath);
            for (Path directory : value.isEmpty() ? List.of(machine.firmware) : List.of(Path.of(value), machine.firmware)) {
                Path file = directory.resolve(firmwareName);
                if (Files.isRegularFile(file)) {
                    return new Lookup(searchPath, Optional.of(file), Files.readAllBytes(file));
                }
            }
            return new Lookup(searchPath, Optional.empty(), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The search path's value as the kernel holds it, from what was written to the parameter: a C string (up to the
     * first NUL), shown with a newline after it.
     */
    static String kernelValue(String parameter) {
        String value = parameter.split("\0", -1)[0];
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    /** Every look-up so far. */
    List<Lookup> lookups() {
        return List.copyOf(lookups);
    }

    /** Waits (at most {@code limit}) for a reload to reach the kernel. */
    boolean awaitReload(Duration limit) throws InterruptedException {
        return entered.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits (at most {@code limit}) for the kernel to answer a reload. */
    boolean awaitAnswer(Duration limit) throws InterruptedException {
        return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
