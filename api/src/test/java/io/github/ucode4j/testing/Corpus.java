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
 * <p>Without the corpus such tests are skipped with a loud message, except under CI ({@code CI=true}), where a
 * missing corpus is a failure: CI fetches it first, so its absence there is a broken setup.
 */
public final class Corpus {
    private Corpus() {
    }

    /** The unpacked tree, if present. */
    public static Optional<Path> find() {
        String configured = System.getProperty("ucode4j.corpus", System.getenv("UCODE4J_CORPUS"));
        return Optional.ofNullable(configured).map(Path::of).filter(p -> Files.isDirectory(p.resolve("lib/firmware")));
    }

    /** The unpacked tree; skips the calling test (fails it under CI) when it is absent. */
    public static Path root() {
        Optional<Path> root = find();
        if (root.isEmpty()) {
            String message = "Debian microcode corpus not found (ucode4j.corpus / UCODE4J_CORPUS); run lab/fetch-debian.sh";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("*** SKIPPED: " + message);
            assumeTrue(false, message);
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
        assumeTrue(Files.isExecutable(tool), "iucode_tool not unpacked in the corpus");
        return tool;
    }
}
