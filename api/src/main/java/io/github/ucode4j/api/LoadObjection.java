package io.github.ucode4j.api;

import java.util.Objects;

/**
 * A vendor rule, beyond matching and revision order, that forbids loading a patch late on a CPU as it runs now:
 * Intel's minimum required revision, AMD's digest allow-list or final patch level.
 *
 * @param kind the verdict the planner gives when no other patch is acceptable
 * @param reason why, naming the values involved
 */
public record LoadObjection(VerdictKind kind, String reason) {

    /**
     * @throws IllegalArgumentException when {@code kind} is a verdict that loads
     */
    public LoadObjection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (kind.loads()) {
            throw new IllegalArgumentException("an objection cannot be " + kind);
        }
    }
}
