package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.MicrocodePatch;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Rendezvous} is asked to do: which CPUs take part, what each should load, and how the vendor's
 * CPUs load.
 *
 * <p>With a {@link LoadProtocol.LoadUnit#PER_CORE} protocol the SMT threads of a core share one microcode engine:
 * the core's lowest-numbered participating thread (its primary) loads the core's patch, and every thread of the
 * core that names a patch must name the same one.
 *
 * @param protocol how the CPUs load and report their revision
 * @param assignments every participating CPU with its patch, sorted by CPU number
 */
public record RendezvousRequest(LoadProtocol protocol, List<LoadAssignment> assignments) {

    /**
     * Sorts and copies the assignments.
     *
     * @param protocol how the CPUs load and report their revision; not null
     * @param assignments every participating CPU with its patch, in any order; sorted by CPU number and copied
     * @throws IllegalArgumentException when there is no CPU, a CPU appears twice, or a patch is for another
     *     vendor than the protocol's
     */
    public RendezvousRequest {
        Objects.requireNonNull(protocol, "protocol");
        assignments = assignments.stream().sorted(Comparator.comparingInt(a -> a.cpu().index())).toList();
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("a rendezvous needs at least one CPU");
        }
        Set<Integer> seen = new HashSet<>();
        for (LoadAssignment assignment : assignments) {
            int cpu = assignment.cpu().index();
            if (!seen.add(cpu)) {
                throw new IllegalArgumentException("CPU " + cpu + " appears twice");
            }
            assignment.patch().map(MicrocodePatch::vendor).filter(v -> v != protocol.vendor()).ifPresent(v -> {
                throw new IllegalArgumentException("CPU " + cpu + " is given a " + v + " patch under the "
                        + protocol.vendor() + " protocol");
            });
        }
    }

    /**
     * The number of participating CPUs.
     *
     * @return the number of participating CPUs, 1 or more
     */
    public int size() {
        return assignments.size();
    }
}
