package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.VerdictKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What a load did to one logical CPU, as read back from the machine afterwards.
 *
 * @param cpu the logical CPU number
 * @param verdict what the plan decided for it
 * @param outcome what happened
 * @param before the revision before the load, if it was known
 * @param after the revision read after the load, if it could be read
 * @param message what happened, for a person
 */
public record CpuLoadResult(int cpu, VerdictKind verdict, CpuOutcome outcome, Optional<Revision> before,
                            Optional<Revision> after, String message) {

    /**
     * Requires non-null components.
     *
     * @param cpu the logical CPU number
     * @param verdict what the plan decided for it; not null
     * @param outcome what happened; not null
     * @param before the revision before the load, or empty; not null
     * @param after the revision read after the load, or empty; not null
     * @param message what happened, for a person; not null
     */
    public CpuLoadResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(message, "message");
    }
}
