package io.github.ucode4j.xen;

import io.github.ucode4j.api.LogicalCpu;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core and package of Xen's online physical CPUs, as {@code XEN_SYSCTL_cputopoinfo} gives them; the SMT siblings of
 * a CPU are the online CPUs on the same core of the same package. A CPU whose place is unknown is taken as a core
 * of its own in package 0, and its source says so.
 */
final class PhysicalTopology {
    /** The source of a known place. */
    static final String SOURCE = "XEN_SYSCTL_cputopoinfo";
    private static final String UNKNOWN = "Xen's physical CPU number only (core and package unknown)";

    private final Map<Integer, PhysicalCore> places;

    private PhysicalTopology(Map<Integer, PhysicalCore> places) {
        this.places = places;
    }

    /** No CPU's place known. */
    static PhysicalTopology unknown() {
        return new PhysicalTopology(Map.of());
    }

    /** The places of the {@code online} CPUs among {@code entries}, which are by physical CPU number. */
    static PhysicalTopology of(List<Optional<PhysicalCore>> entries, Collection<Integer> online) {
        Map<Integer, PhysicalCore> places = new HashMap<>();
        for (int cpu : online) {
            if (cpu < entries.size()) {
                entries.get(cpu).ifPresent(place -> places.put(cpu, place));
            }
        }
        return new PhysicalTopology(places);
    }

    /** Whether the place of {@code cpu} is known. */
    boolean knows(int cpu) {
        return places.containsKey(cpu);
    }

    /** Where {@code cpu} sits, with its siblings. */
    LogicalCpu cpu(int cpu) {
        PhysicalCore place = places.get(cpu);
        if (place == null) {
            return LogicalCpu.alone(cpu, cpu, 0);
        }
        List<Integer> siblings = places.entrySet().stream().filter(e -> e.getValue().equals(place)).map(Map.Entry::getKey).toList();
        return new LogicalCpu(cpu, place.core(), place.socket(), siblings);
    }

    /** Where the place of {@code cpu} comes from. */
    String source(int cpu) {
        return knows(cpu) ? SOURCE : UNKNOWN;
    }
}
