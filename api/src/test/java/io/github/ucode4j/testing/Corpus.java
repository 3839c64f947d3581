package io.github.ucode4j.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds Debian's firmware packages and iucode_tool, unpacked by {@code lab/fetch-debian.sh}, for the tests that
 * compare against real files. The location comes from the system property {@code ucode4j.corpus} (the build sets
 * it to {@code .cache/debian/root}) or the environment variable {@code UCODE4J_CORPUS}.
 *
 * <p>Without the corpus such tests are skipped, and {@link CorpusSkipReport} names them at the end of the run, one
 * line per test class; under CI ({@code CI=true}) a missing corpus is a failure instead: CI fetches it first, so its
 * absence there is a broken setup.
 */
public final class Corpus {
    /** How every skip for a missing corpus begins, so that {@link CorpusSkipReport} can tell them from others. */
    static final String MISSING = "Debian microcode corpus";

    private Corpus() {
    }

    /** The unpacked tree, if present. */
    public static Optional<Path> find() {
        return configured().filter(p -> Files.isDirectory(p.resolve("lib/firmware")));
    }

    /** The unpacked tree; skips the calling test (fails it under CI) when it is absent. */
    public static Path root() {
        Optional<Path> root = find();
        if (root.isEmpty()) {
            missing(configured().map(p -> "not found in " + p).orElse("not configured")
                    + " (ucode4j.corpus / UCODE4J_CORPUS); run lab/fetch-debian.sh");
        }
        return root.get();
    }

    /** {@code lib/firmware/intel-ucode} of the corpus. */
    public static Path intelFirmware() {
        return root().resolve("lib/firmware/intel-ucode");
    }

    /** {@code lib/firmware/amd-ucode} of the corpus. */
    public static Path amdFirmware() {
        return root().resolve("lib/firmware/amd-ucode");
    }

    /** The iucode_tool binary from the corpus' {@code iucode-tool} package. */
    public static Path iucodeTool() {
        Path tool = root().resolve("usr/sbin/iucode_tool");
        if (!Files.isExecutable(tool)) {
            missing("has no iucode_tool: " + tool + " is not an executable file; run lab/fetch-debian.sh");
        }
        return tool;
    }

    /**
     * Prometheus' promtool from the corpus tree's {@code prometheus} package, which {@code lab/setup.sh} unpacks
     * there (the server is not installed), to check the metrics the CLI prints.
     */
    public static Path promtool() {
        Path tool = root().resolve("usr/bin/promtool");
        if (!Files.isExecutable(tool)) {
            missing("has no promtool: " + tool + " is not an executable file; run lab/setup.sh");
        }
        return tool;
    }

    private static Optional<Path> configured() {
        return Optional.ofNullable(System.getProperty("ucode4j.corpus", System.getenv("UCODE4J_CORPUS"))).map(Path::of);
    }

    private static void missing(String what) {
        missing(what, "true".equals(System.getenv("CI")));
    }

    /** Skips the calling test for want of the corpus ({@code what} says how it is missing), or fails it under CI. */
    static void missing(String what, boolean underCi) {
        String message = MISSING + " " + what;
        if (underCi) {
            throw new IllegalStateException(message + "; under CI (CI=true) a missing corpus is a failure");
        }
        assumeTrue(false, message);
    }
}
