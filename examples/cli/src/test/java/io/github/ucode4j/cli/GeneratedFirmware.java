package io.github.ucode4j.cli;

import io.github.ucode4j.intel.IntelPatchBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Writes synthetic Intel patches for the tests; by default for the simulated machine's CPU (06-9e-0a, pf 0x02). */
final class GeneratedFirmware {
    static final int SIMULATED_SIGNATURE = 0x000906ea;
    /**
     * A CPU whose microcode may be late-loaded, Comet Lake 06-a5-05, for the tests that load: the simulated machine's
     * own 06-9e-0a must only be loaded early.
     */
    static final int LATE_LOADABLE_SIGNATURE = 0x000a0655;
    /** The system property, and its value, that give the simulated machine {@link #LATE_LOADABLE_SIGNATURE}. */
    static final String[] LATE_LOADABLE_MACHINE = {"ucode4j.simulated.signature", "0xa0655"};
    static final int SIMULATED_FLAGS = 0x02;
    /** The revision the simulated Intel machine runs unless told otherwise. */
    static final int SIMULATED_REVISION = 0xb4;

    private GeneratedFirmware() {
    }

    /** Writes one patch for {@code signature} and {@code flags} at {@code revision} to {@code file}; returns it. */
    static Path intel(Path file, int signature, int flags, int revision) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, IntelPatchBuilder.patch().signature(signature).platformFlags(flags).revision(revision)
                .date(LocalDate.of(2025, 1, 2)).dataSize(1024, revision).build());
    }

    /** A firmware tree whose {@code intel-ucode/06-9e-0a} is a patch of {@code revision} for the simulated CPU. */
    static Path forSimulatedMachine(Path root, int revision) throws IOException {
        intel(root.resolve("intel-ucode/06-9e-0a"), SIMULATED_SIGNATURE, SIMULATED_FLAGS, revision);
        return root;
    }

    /** A firmware tree whose {@code intel-ucode/06-a5-05} is a patch of {@code revision} for the late-loadable CPU. */
    static Path forLateLoadableCpu(Path root, int revision) throws IOException {
        intel(root.resolve("intel-ucode/06-a5-05"), LATE_LOADABLE_SIGNATURE, SIMULATED_FLAGS, revision);
        return root;
    }
}
