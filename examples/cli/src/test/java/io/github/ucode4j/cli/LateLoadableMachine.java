package io.github.ucode4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The machine most command tests load: the simulated one whose CPUs may be late-loaded
 * ({@link SystemProperties#lateLoadableMachine}), with a firmware tree holding one patch for it
 * ({@link GeneratedFirmware#forLateLoadableCpu}). Set up in the test's folder before each test (the firmware in
 * {@code firmware}, the run directory in {@code run}), its system properties put back after it. On a field:
 * {@code @RegisterExtension final LateLoadableMachine machine = new LateLoadableMachine(0xc6, () -> directory);},
 * {@code directory} being the test's {@code @TempDir}, which JUnit fills in before any test runs.
 */
final class LateLoadableMachine implements BeforeEachCallback, AfterEachCallback {
    private final int firmwareRevision;
    private final Supplier<Path> folder;
    private final SystemProperties properties = new SystemProperties();
    private Path firmware;

    /**
     * The machine, with firmware of {@code firmwareRevision}, set up under the folder {@code folder} gives.
     *
     * @param firmwareRevision the revision of the one patch in the firmware tree
     * @param folder the test's folder, asked before each test
     */
    LateLoadableMachine(int firmwareRevision, Supplier<Path> folder) {
        this.firmwareRevision = firmwareRevision;
        this.folder = folder;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path directory = folder.get();
        firmware = GeneratedFirmware.forLateLoadableCpu(directory.resolve("firmware"), firmwareRevision);
        properties.lateLoadableMachine(runDirectory());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        properties.restore();
    }

    /** The firmware tree: {@code intel-ucode/06-a5-05} holds the patch. */
    Path firmware() {
        return firmware;
    }

    /** The run directory the machine's backend keeps its lock files in. */
    Path runDirectory() {
        return folder.get().resolve("run");
    }

    /** The system properties of this test, to change the machine further; they are put back with the rest. */
    SystemProperties properties() {
        return properties;
    }
}
