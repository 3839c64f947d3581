package io.github.ucode4j.amd;

import java.util.Objects;

/**
 * The Entrysign digest check of one patch for one CPU, with the reason in words.
 *
 * @param verdict the outcome
 * @param reason why, naming the revisions and digests compared
 */
public record DigestCheck(DigestVerdict verdict, String reason) {

    /** Requires both components. */
    public DigestCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the loaders would let the patch through. */
    public boolean loads() {
        return verdict.loads();
    }
}
