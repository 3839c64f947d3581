package io.github.ucode4j.api;

/** What happened to one logical CPU in a load, as {@link LoadJudge} decides it from what was seen. */
public enum CpuOutcome {
    /**
     * This CPU loaded the patch and now reports its revision; also when it already ran that revision and took the
     * load again (AMD's loaders reload the running revision, and a forced load does too).
     */
    UPDATED,
    /** An SMT sibling loaded the patch for the shared engine, and this CPU now reports its revision. */
    SIBLING_UPDATED,
    /** Nothing was loaded: the CPU already ran the planned revision or a newer one. */
    UP_TO_DATE,
    /** The CPU took the request without error but its revision did not change. */
    REFUSED,
    /** The request failed (an errno, a #GP, an exception). */
    FAILED,
    /** The CPU did not call in, or did not finish, before its deadline. */
    TIMED_OUT,
    /** Nothing was attempted on this CPU (the load was aborted, or the plan had nothing for it). */
    NOT_ATTEMPTED,
    /**
     * What the CPU will run is not settled: a load on the microcode engine it shares (its SMT sibling's) did not
     * finish before its deadline and may still land, so its revision may yet change. Read it again later.
     */
    UNKNOWN;

    /**
     * Whether the CPU ends where the plan wanted it.
     *
     * @return {@code true} for {@link #UPDATED}, {@link #SIBLING_UPDATED} and {@link #UP_TO_DATE}; {@code false} for
     *     every other outcome, {@link #UNKNOWN} included
     */
    public boolean succeeded() {
        return this == UPDATED || this == SIBLING_UPDATED || this == UP_TO_DATE;
    }
}
