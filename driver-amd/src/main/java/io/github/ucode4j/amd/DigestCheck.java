package io.github.ucode4j.amd;

import java.util.Objects;

/**
 * The Entrysign digest check of one patch for one CPU, with the reason in words.
 *
 * @param verdict the outcome
 * @param reason why, naming the revisions and digests compared
 */
public record DigestCheck(DigestVerdict verdict, String reason) {

    /**
     * Requires both components.
     *
     * @param verdict the outcome; not null
     * @param reason why, in words; not null
     * @throws NullPointerException when either is null
     */
    public DigestCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Whether the loaders would let the patch through.
     *
     * @return true when the verdict is {@link DigestVerdict#ALLOWED} or {@link DigestVerdict#NOT_REQUIRED}
     */
    public boolean loads() {
        return verdict.loads();
    }
}
