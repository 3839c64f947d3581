package io.github.ucode4j.api;

import java.util.Objects;

/**
 * A service provider that could not be loaded (a missing class, a constructor that threw), skipped by discovery.
 *
 * @param service the service interface's simple name
 * @param message what went wrong, from the {@link java.util.ServiceConfigurationError}
 */
public record ProviderProblem(String service, String message) {

    /**
     * Requires non-null components.
     *
     * @param service the service interface's simple name; not null
     * @param message what went wrong; not null
     */
    public ProviderProblem {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return service + " provider skipped: " + message;
    }
}
