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

    /** The CPU with this index, if present. */
    public Optional<PlatformCpu> cpu(int index) {
        return cpus.stream().filter(c -> c.index() == index).findFirst();
    }

    /** This platform with {@code note} after its notes: what a backend adds to what its probe found. */
    public Platform withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Platform(backend, cpus, hypervisorPresent, more);
    }

    /** The vendors seen, in {@link Vendor} order. */
    public Set<Vendor> vendors() {
        Set<Vendor> vendors = new TreeSet<>();
        cpus.forEach(c -> c.state().vendor().ifPresent(vendors::add));
        return vendors;
    }
}
