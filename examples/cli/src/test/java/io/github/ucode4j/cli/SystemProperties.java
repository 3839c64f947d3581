package io.github.ucode4j.cli;

import io.github.ucode4j.api.ApplyBackends;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * System properties a test sets, and puts back afterwards (call {@link #restore()} from an {@code @AfterEach}): the
 * backend and the simulated machine are chosen and shaped this way.
 */
final class SystemProperties {
    private final Map<String, String> previous = new HashMap<>();

    /** Sets {@code namesAndValues} (name, value, name, value, ...) until {@link #restore()}. */
    SystemProperties set(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            // Not putIfAbsent: a property that was unset is recorded as null, which putIfAbsent would overwrite.
            if (!previous.containsKey(namesAndValues[i])) {
                previous.put(namesAndValues[i], System.getProperty(namesAndValues[i]));
            }
            System.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /**
     * Chooses the simulated machine the command tests load: one package of two cores with two threads each, loads
     * that take a microsecond, and {@code runDirectory} as the run directory (its lock files).
     */
    SystemProperties simulatedMachine(Path runDirectory) {
        return set(ApplyBackends.PROPERTY, "simulated", "ucode4j.simulated.topology", "1x2x2",
                "ucode4j.simulated.latency", "1", "ucode4j.run-dir", runDirectory.toString());
    }

    /** {@link #simulatedMachine}, its CPUs of a signature whose microcode may be late-loaded. */
    SystemProperties lateLoadableMachine(Path runDirectory) {
        return simulatedMachine(runDirectory).set(GeneratedFirmware.LATE_LOADABLE_MACHINE);
    }

    /** Puts back every property {@link #set} changed. */
    void restore() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        previous.clear();
    }
}
