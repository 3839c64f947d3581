package io.github.ucode4j.api;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a system-wide load reported.
 *
 * @param outcome what happened
 * @param errno the error number the kernel or hypervisor returned, if any
 * @param message what happened and what to do, for a person ({@code "Xen's own log is in 'xl dmesg'"})
 */
public record SystemResult(SystemOutcome outcome, OptionalInt errno, String message) {

    /**
     * Requires non-null components.
     *
     * @param outcome what happened; not null
     * @param errno the error number returned, or empty; not null
     * @param message what happened and what to do; not null
     */
    public SystemResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(message, "message");
    }
}
