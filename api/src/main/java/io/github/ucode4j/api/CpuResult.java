package io.github.ucode4j.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a per-CPU apply did to one logical CPU. The backends in this project build it with {@link LoadJudge}, so
 * that one rule decides the outcome.
 *
 * @param cpu the logical CPU number
 * @param outcome what happened
 * @param before the revision read before the attempt, if read
 * @param after the revision read after the attempt, if read
 * @param errno the operating system's error number, when the attempt failed with one
 * @param message what happened, for a person; names both revisions when the CPU refused or moved to a third one
 */
public record CpuResult(int cpu, CpuOutcome outcome, Optional<Revision> before, Optional<Revision> after,
                        OptionalInt errno, String message) {

    /**
     * Requires non-null components.
     *
     * @param cpu the logical CPU number
     * @param outcome what happened; not null
     * @param before the revision read before the attempt, or empty when it could not be read; not null
     * @param after the revision read after the attempt, or empty when it could not be read; not null
     * @param errno the operating system's error number when the attempt failed with one, else empty; not null
     * @param message what happened, for a person; not null
     */
    public CpuResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(message, "message");
    }
}
