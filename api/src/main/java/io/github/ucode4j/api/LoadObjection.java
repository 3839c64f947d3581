package io.github.ucode4j.api;

import java.util.Objects;

/**
 * A vendor rule, beyond matching and revision order, that forbids loading a patch late on a CPU as it runs now:
 * Intel's minimum required revision, AMD's digest allow-list or final patch level, or a rule that the CPU's
 * microcode must only be loaded early, at boot.
 *
 * @param kind the verdict the planner gives when no other patch is acceptable
 * @param reason why, naming the values involved
 * @param scope whether the rule forbids this patch or any late load on the CPU
 */
public record LoadObjection(VerdictKind kind, String reason, Scope scope) {

    /** What an objection forbids. */
    public enum Scope {
        /** Loading this patch late; another patch may still be acceptable. */
        PATCH,
        /**
         * Loading anything late on this CPU: no other patch is acceptable, and no planning policy, forcing included,
         * overrides it (a forced late load is still a late load).
         */
        CPU
    }

    /**
     * @param kind the verdict the planner gives; one that does not load
     * @param reason why, naming the values involved; not null
     * @param scope whether the rule forbids this patch or any late load on the CPU; not null
     * @throws IllegalArgumentException when {@code kind} is a verdict that loads
     */
    public LoadObjection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(scope, "scope");
        if (kind.loads()) {
            throw new IllegalArgumentException("an objection cannot be " + kind);
        }
    }

    /**
     * An objection to this patch only ({@link Scope#PATCH}).
     *
     * @param kind the verdict the planner gives; one that does not load
     * @param reason why, naming the values involved; not null
     * @throws IllegalArgumentException when {@code kind} is a verdict that loads
     */
    public LoadObjection(VerdictKind kind, String reason) {
        this(kind, reason, Scope.PATCH);
    }
}
