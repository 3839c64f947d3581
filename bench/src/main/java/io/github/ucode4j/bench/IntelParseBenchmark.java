package io.github.ucode4j.bench;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.intel.IntelMicrocodeOps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses and checks the whole Intel corpus (every file of {@code lib/firmware/intel-ucode}) from memory, strictly,
 * as the driver does for any caller: every header rule, all three checksums, the extended tables. One operation is
 * the whole corpus; {@code bench/parse-vs-iucode.sh} turns the time per operation into MB/s.
 *
 * <p>The corpus is found through the system property {@code ucode4j.corpus} or the environment variable
 * {@code UCODE4J_CORPUS} (the tree {@code lab/fetch-debian.sh} unpacks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class IntelParseBenchmark {
    private final IntelMicrocodeOps driver = new IntelMicrocodeOps();
    private final List<String> names = new ArrayList<>();
    private final List<ByteBuffer> contents = new ArrayList<>();

    /** Reads every file into memory once, in sorted order. */
    @Setup
    public void readCorpus() throws IOException {
        String corpus = System.getProperty("ucode4j.corpus", System.getenv("UCODE4J_CORPUS"));
        if (corpus == null) {
            throw new IllegalStateException("set ucode4j.corpus or UCODE4J_CORPUS to the unpacked Debian corpus");
        }
        try (Stream<Path> files = Files.list(Path.of(corpus, "lib/firmware/intel-ucode"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                names.add(file.getFileName().toString());
                contents.add(ByteBuffer.wrap(Files.readAllBytes(file)));
            }
        }
    }

    /** Parses and checks every file; returns the patch count so that the work cannot be optimised away. */
    @Benchmark
    public int parseAndCheckCorpus() throws MicrocodeFormatException {
        int patches = 0;
        for (int i = 0; i < contents.size(); i++) {
            Bundle bundle = driver.parse(contents.get(i), names.get(i));
            patches += bundle.patches().size();
        }
        return patches;
    }
}
