package io.github.ucode4j.api;

/** What the planner decided for one CPU. */
public enum VerdictKind {
    /** A newer (or, on AMD, same) patch will be loaded. */
    UPDATE,
    /** Loading was forced over a same or newer running revision, as asked. */
    FORCED,
    /** The CPU already runs the newest patch available, or a newer one. */
    UP_TO_DATE,
    /** No patch is made for this CPU's signature. */
    NO_PATCH,
    /** Patches exist for the signature but none for the CPU's platform flags. */
    PLATFORM_MISMATCH,
    /** The patch requires a newer running revision for a safe late load (Intel {@code min_req_ver}). */
    UNSAFE_LATE_LOAD,
    /**
     * The CPU's microcode must only be loaded early, at boot, never into a running system: a vendor or
     * distribution rule says a late load may hang it. Nothing is loaded, not even when forced; the early initramfs
     * is the way to update it.
     */
    EARLY_ONLY,
    /** The CPU checks patch digests against a known list and this patch's is not on it (AMD Entrysign). */
    DIGEST_UNKNOWN,
    /** The CPU is at a final patch level and refuses further updates (AMD). */
    FINAL_LEVEL,
    /** The running revision could not be read, so no decision is safe. */
    REVISION_UNKNOWN,
    /** The CPU's vendor or signature could not be read. */
    CPU_UNKNOWN;

    /**
     * Whether this verdict loads a patch.
     *
     * @return {@code true} for {@link #UPDATE} and {@link #FORCED}
     */
    public boolean loads() {
        return this == UPDATE || this == FORCED;
    }
}
