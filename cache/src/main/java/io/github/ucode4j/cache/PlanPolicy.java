package io.github.ucode4j.cache;

/**
 * What the planner may do beyond the safe default.
 *
 * @param force plan a load even where the running revision is the same or newer (the verdict says
 *     {@link io.github.ucode4j.api.VerdictKind#FORCED}); vendor objections still hold
 * @param ignoreLateLoadObjections plan the newest patch even where a vendor rule objects to loading it late (an
 *     Intel minimum required revision not met, say); the verdict's reason still names the objection. An objection
 *     to late-loading the CPU at all ({@link io.github.ucode4j.api.VerdictKind#EARLY_ONLY}) holds all the same
 */
public record PlanPolicy(boolean force, boolean ignoreLateLoadObjections) {

    /** Only newer patches, and only those no vendor rule objects to. */
    public static final PlanPolicy SAFE = new PlanPolicy(false, false);
}
