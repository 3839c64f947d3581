package io.github.ucode4j.bench;

import io.github.ucode4j.amd.AmdMicrocodeOps;
import io.github.ucode4j.amd.DigestChecker;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.io.ByteArrayOutputStream;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing and checking Debian's five AMD firmware files from memory: every container, table and patch, then the
 * Entrysign digest check of every patch for its own CPU at its lowest revision (which hashes every Zen patch).
 * The files come from the corpus that {@code lab/fetch-debian.sh} unpacks, found through the system property
 * {@code ucode4j.corpus} or the environment variable {@code UCODE4J_CORPUS}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AmdParseBenchmark {
    private final AmdMicrocodeOps ops = new AmdMicrocodeOps();
    private final DigestChecker checker = DigestChecker.builtIn();
    private final List<ByteBuffer> files = new ArrayList<>();
    private ByteBuffer earlyLoadFile;

    /** Reads the five files once, and their concatenation as the early-load archive holds it. */
    @Setup
    public void readCorpus() throws IOException {
        String root = System.getProperty("ucode4j.corpus", System.getenv("UCODE4J_CORPUS"));
        if (root == null) {
            throw new IllegalStateException("set ucode4j.corpus or UCODE4J_CORPUS to the unpacked Debian corpus");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> listing = Files.list(Path.of(root, "lib/firmware/amd-ucode"))) {
            for (Path file : listing.filter(path -> path.toString().endsWith(".bin")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                files.add(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
                all.writeBytes(bytes);
            }
        }
        if (files.size() != 5) {
            throw new IllegalStateException("expected Debian's 5 AMD files, found " + files.size());
        }
        earlyLoadFile = ByteBuffer.wrap(all.toByteArray()).asReadOnlyBuffer();
    }

    /** Parses the five files separately. */
    @Benchmark
    public void parseFiles(Blackhole sink) throws MicrocodeFormatException {
        for (ByteBuffer file : files) {
            sink.consume(ops.parse(file, "amd-ucode"));
        }
    }

    /** Parses the five files and digest-checks every patch for its CPU. */
    @Benchmark
    public void parseAndCheckFiles(Blackhole sink) throws MicrocodeFormatException {
        for (ByteBuffer file : files) {
            check(ops.parse(file, "amd-ucode"), sink);
        }
    }

    /** Parses and checks the concatenation of the five files, as the early-load archive holds it. */
    @Benchmark
    public void parseAndCheckEarlyLoadFile(Blackhole sink) throws MicrocodeFormatException {
        check(ops.parse(earlyLoadFile, "AuthenticAMD.bin"), sink);
    }

    private void check(Bundle bundle, Blackhole sink) {
        for (MicrocodePatch patch : bundle.patches()) {
            CpuState cpu = CpuState.of(Vendor.AMD, patch.primaryTarget().signature(), PlatformFlags.NONE, Revision.of(0));
            sink.consume(ops.match(patch, cpu));
            sink.consume(checker.check(patch, cpu));
        }
    }
}
