package io.github.ucode4j.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The machine as a backend sees it: every logical CPU it can update, in index order, and notes about what could
 * not be read.
 *
 * @param backend the name of the backend that probed it ({@code "msr"}, {@code "xen"}, ...)
 * @param cpus the logical CPUs, ordered by index, indexes unique
 * @param hypervisorPresent whether CPUID reports a hypervisor (leaf 1 ECX bit 31), if that could be read; the
 *     Linux loader disables itself under a hypervisor
 * @param notes what a person should know about the probe: facts that could not be read and why
 */
public record Platform(String backend, List<PlatformCpu> cpus, Optional<Boolean> hypervisorPresent, List<String> notes) {

    /**
     * Sorts and copies the CPUs.
     *
     * @param backend the name of the backend that probed it; not null
     * @param cpus the logical CPUs, in any order; sorted by index and copied
     * @param hypervisorPresent whether CPUID reports a hypervisor, or empty when that could not be read; not null
     * @param notes what could not be read and why; copied
     * @throws IllegalArgumentException when two CPUs share an index
     */
    public Platform {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(hypervisorPresent, "hypervisorPresent");
        cpus = cpus.stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
        Set<Integer> seen = new HashSet<>();
        for (PlatformCpu cpu : cpus) {
            if (!seen.add(cpu.index())) {
                throw new IllegalArgumentException("CPU " + cpu.index() + " appears twice");
            }
        }
        notes = List.copyOf(notes);
    }

    /**
     * The CPU with this index, if present.
     *
     * @param index the operating system's CPU number
     * @return the CPU with that index, or empty when the backend does not see it
     */
    public Optional<PlatformCpu> cpu(int index) {
        return cpus.stream().filter(c -> c.index() == index).findFirst();
    }

    /**
     * This platform with {@code note} after its notes: what a backend adds to what its probe found.
     *
     * @param note what the backend adds, for a person; not null
     * @return a copy of this platform with one more note, last
     */
    public Platform withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Platform(backend, cpus, hypervisorPresent, more);
    }

    /**
     * The vendors seen, in {@link Vendor} order.
     *
     * @return the vendors of the CPUs whose vendor is known; empty when none is
     */
    public Set<Vendor> vendors() {
        Set<Vendor> vendors = new TreeSet<>();
        cpus.forEach(c -> c.state().vendor().ifPresent(vendors::add));
        return vendors;
    }
}
