package io.github.ucode4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The planner's decision for one logical CPU, with its reason.
 *
 * @param cpu the logical CPU number
 * @param kind the decision
 * @param patch the patch to load, or the patch the reason is about (the one found unsafe, say), when there is one
 * @param reason why, in words a person understands, naming revisions and patches
 */
public record Verdict(int cpu, VerdictKind kind, Optional<MicrocodePatch> patch, String reason) {

    /**
     * @param cpu the logical CPU number
     * @param kind the decision; not null
     * @param patch the patch to load, or the patch the reason is about; present when {@code kind} loads; not null
     * @param reason why, for a person; not null
     * @throws IllegalArgumentException when a loading verdict has no patch
     */
    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(reason, "reason");
        if (kind.loads() && patch.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs the patch it loads");
        }
    }
}
