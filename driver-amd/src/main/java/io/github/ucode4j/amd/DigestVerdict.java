package io.github.ucode4j.amd;

/** The outcome of the Entrysign digest check for one patch on one CPU. */
public enum DigestVerdict {
    /** The CPU needs the check, and the patch's digest is the known one. */
    ALLOWED,
    /** The CPU does not need the check: it lacks the flaw, or already runs AMD's fix. */
    NOT_REQUIRED,
    /** The CPU needs the check, and no digest is known for the patch's id: the loaders refuse it. */
    UNKNOWN_DIGEST,
    /** The CPU needs the check, and the patch's digest differs from the known one: the loaders refuse it. */
    DIGEST_MISMATCH;

    /**
     * Whether the loaders would let the patch through.
     *
     * @return true for {@link #ALLOWED} and {@link #NOT_REQUIRED}, false when the loaders refuse the patch
     */
    public boolean loads() {
        return this == ALLOWED || this == NOT_REQUIRED;
    }
}
