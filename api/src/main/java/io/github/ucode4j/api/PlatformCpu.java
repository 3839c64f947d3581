package io.github.ucode4j.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One logical CPU of a {@link Platform}: its place in the topology, its state, and where each fact came from.
 *
 * @param cpu the logical CPU and its topology
 * @param state vendor, signature, platform flags and revision, each possibly unknown
 * @param sources for each known fact, where it was read, in words a person can check: {@code "MSR 0x8B"},
 *     {@code "sysfs microcode/version"}, {@code "/proc/cpuinfo (virtual CPU seen by dom0)"}
 */
public record PlatformCpu(LogicalCpu cpu, CpuState state, Map<Fact, String> sources) {

    /**
     * Copies {@code sources}; requires non-null components.
     *
     * @param cpu the logical CPU and its topology; not null
     * @param state what is known of the CPU; not null
     * @param sources where each known fact was read; copied, may be empty
     */
    public PlatformCpu {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(state, "state");
        sources = sources.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sources));
    }

    /**
     * The logical CPU number.
     *
     * @return the operating system's CPU number, as {@link LogicalCpu#index()}
     */
    public int index() {
        return cpu.index();
    }

    /**
     * Where {@code fact} was read, or {@code "unknown"}.
     *
     * @param fact the fact asked about; not null
     * @return where it was read, in words a person can check, or {@code "unknown"} when no source was recorded
     */
    public String sourceOf(Fact fact) {
        return sources.getOrDefault(fact, "unknown");
    }
}
