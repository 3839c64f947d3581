package io.github.ucode4j.api.spi;

/** Who rendezvouses the CPUs during a load. */
public enum Scope {
    /** ucode4j does: the backend loads one CPU at a time, on a thread pinned to it ({@link PerCpuBackend}). */
    PER_CPU,
    /** The kernel or hypervisor does: the backend hands it the patch once ({@link SystemBackend}). */
    SYSTEM
}
