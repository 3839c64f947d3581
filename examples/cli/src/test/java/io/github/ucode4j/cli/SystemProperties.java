package io.github.ucode4j.cli;

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
            previous.putIfAbsent(namesAndValues[i], System.getProperty(namesAndValues[i]));
            System.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
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
