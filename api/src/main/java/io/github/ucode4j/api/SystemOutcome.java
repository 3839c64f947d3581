package io.github.ucode4j.api;

/** What a system-wide load (the kernel's or Xen's own rendezvous) reported. */
public enum SystemOutcome {
    /** The patch was loaded. */
    LOADED,
    /** Nothing newer to load: the system already runs this revision or a newer one. */
    UP_TO_DATE,
    /** The loader found no patch for these CPUs in what it was given. */
    NO_MATCHING_PATCH,
    /** The loader rejected the data as malformed or unusable. */
    REJECTED,
    /** At least one CPU failed to update. */
    FAILED,
    /** The loader was busy or a CPU did not respond to it (hotplug, concurrent update, its own call-in timeout). */
    BUSY,
    /** The caller lacks the privilege. */
    NOT_PERMITTED,
    /**
     * The loader cannot load microcode this way at all: it does not know the command or its interface version, or
     * was built without late loading. Retrying will not help; load at boot, or upgrade the loader.
     */
    UNSUPPORTED,
    /**
     * The loader did not answer within the time allowed; it may still finish, so read the revisions again before
     * retrying. Each CPU that did not move is {@link CpuOutcome#TIMED_OUT}, as a hung per-CPU load is.
     */
    TIMED_OUT
}
