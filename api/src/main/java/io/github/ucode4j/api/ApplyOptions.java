package io.github.ucode4j.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a system-wide load is to be done.
 *
 * @param force load even when the running revision is the same or newer; recorded in every report
 * @param plannedPatch the patch the planner chose, when the blob is that patch (lets the backend say what it sent
 *     and why); empty when a whole file is passed through
 * @param timeout how long the backend may wait for the kernel or hypervisor before giving up
 */
public record ApplyOptions(boolean force, Optional<MicrocodePatch> plannedPatch, Duration timeout) {

    /**
     * Requires a positive timeout.
     *
     * @param force load even when the running revision is the same or newer
     * @param plannedPatch the patch the planner chose, or empty when a whole file is passed through; not null
     * @param timeout how long the backend may wait for the kernel or hypervisor; must be positive
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public ApplyOptions {
        Objects.requireNonNull(plannedPatch, "plannedPatch");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
