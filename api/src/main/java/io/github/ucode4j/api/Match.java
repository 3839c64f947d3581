package io.github.ucode4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a patch fits a CPU, with the reason in words.
 *
 * @param status the outcome
 * @param target the patch target that matched, when one did
 * @param reason why, naming the values compared ({@code "pf_mask 0x12 does not include the CPU's 0x01"})
 */
public record Match(MatchStatus status, Optional<PatchTarget> target, String reason) {

    /**
     * @param status the outcome; not null
     * @param target the patch target that matched, present exactly when {@code status} is {@link MatchStatus#MATCH};
     *     not null
     * @param reason why, naming the values compared; not null
     * @throws IllegalArgumentException when a match has no target or a mismatch has one
     */
    public Match {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if ((status == MatchStatus.MATCH) != target.isPresent()) {
            throw new IllegalArgumentException("a target is given exactly when the status is MATCH: " + status);
        }
    }

    /**
     * A match through {@code target}.
     *
     * @param target the patch target that matched; not null
     * @param reason why it matched, naming the values compared; not null
     * @return a match with status {@link MatchStatus#MATCH}
     */
    public static Match matched(PatchTarget target, String reason) {
        return new Match(MatchStatus.MATCH, Optional.of(target), reason);
    }

    /**
     * A mismatch.
     *
     * @param status why it does not fit; any status but {@link MatchStatus#MATCH}
     * @param reason why, naming the values compared; not null
     * @return a mismatch without a target
     * @throws IllegalArgumentException when {@code status} is {@link MatchStatus#MATCH}
     */
    public static Match mismatch(MatchStatus status, String reason) {
        return new Match(status, Optional.empty(), reason);
    }

    /**
     * Whether the patch fits.
     *
     * @return {@code true} when the status is {@link MatchStatus#MATCH}
     */
    public boolean matches() {
        return status == MatchStatus.MATCH;
    }
}
