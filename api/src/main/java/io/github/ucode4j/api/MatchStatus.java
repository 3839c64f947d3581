package io.github.ucode4j.api;

/** Why a patch does, or does not, fit a CPU. */
public enum MatchStatus {
    /** The patch is made for this CPU. */
    MATCH,
    /** The CPU's vendor is not the patch's, or is unknown. */
    VENDOR_MISMATCH,
    /** The CPU's signature is unknown, so nothing can be matched. */
    SIGNATURE_UNKNOWN,
    /** No signature of the patch equals the CPU's. */
    SIGNATURE_MISMATCH,
    /** A signature matches, but the CPU's platform flags are not in the patch's mask (Intel). */
    PLATFORM_MISMATCH,
    /** The CPU's platform flags are unknown, and the patch's mask does not cover every platform (Intel). */
    PLATFORM_UNKNOWN,
    /** The container's equivalence table has no entry for the CPU's signature (AMD before family 0x17). */
    NO_EQUIVALENCE_ENTRY,
    /** The patch's family differs from the CPU's (AMD). */
    FAMILY_MISMATCH
}
