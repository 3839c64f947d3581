package io.github.ucode4j.api;

/**
 * What a backend said of one CPU's load request, before anything was read back: one part of the {@link LoadEvidence}
 * that {@link LoadJudge} decides an outcome from.
 */
public enum LoadAnswer {
    /**
     * A loader that checks its own work (the kernel's reload, Xen's hypercall) says it loaded the patch. Where the
     * revision cannot be read back, its word is taken, and the result says it was not confirmed.
     */
    LOADED,
    /**
     * The request returned without error (a write to the trigger MSR), which by itself proves nothing: only the
     * revision read back tells whether the CPU took the patch.
     */
    RETURNED,
    /** The loader found nothing newer to load (Xen's EEXIST, the kernel's ENOENT on CPUs already up to date). */
    NOTHING_NEWER,
    /** The request failed: an errno, an exception, a patch the backend could not use. */
    FAILED,
    /** The request did not finish before its deadline; it may still land. */
    TIMED_OUT,
    /** Nothing was asked of the CPU. */
    NOT_ATTEMPTED
}
