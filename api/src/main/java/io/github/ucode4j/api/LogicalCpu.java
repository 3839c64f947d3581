package io.github.ucode4j.api;

import java.util.List;

/**
 * One logical CPU (a hardware thread) and where it sits in the topology.
 *
 * @param index the operating system's CPU number ({@code cpuN}, or Xen's physical CPU number)
 * @param core the core id, unique within the package
 * @param packageId the physical package (socket) id
 * @param smtSiblings the indexes of every logical CPU on the same core, this one included, ascending
 */
public record LogicalCpu(int index, int core, int packageId, List<Integer> smtSiblings) {

    /**
     * @param index the operating system's CPU number; 0 or more
     * @param core the core id within the package; 0 or more
     * @param packageId the physical package id; 0 or more
     * @param smtSiblings the logical CPUs on the same core, {@code index} included, in any order; sorted and
     *     deduplicated here
     * @throws IllegalArgumentException when a number is negative or {@code smtSiblings} does not hold
     *     {@code index}
     */
    public LogicalCpu {
        if (index < 0 || core < 0 || packageId < 0) {
            throw new IllegalArgumentException("negative CPU, core or package number: " + index + "/" + core + "/" + packageId);
        }
        smtSiblings = smtSiblings.stream().sorted().distinct().toList();
        if (!smtSiblings.contains(index)) {
            throw new IllegalArgumentException("CPU " + index + " is missing from its own sibling list " + smtSiblings);
        }
    }

    /**
     * A CPU that shares its core with no other thread.
     *
     * @param index the operating system's CPU number; 0 or more
     * @param core the core id within the package; 0 or more
     * @param packageId the physical package id; 0 or more
     * @return a CPU whose only sibling is itself
     * @throws IllegalArgumentException when a number is negative
     */
    public static LogicalCpu alone(int index, int core, int packageId) {
        return new LogicalCpu(index, core, packageId, List.of(index));
    }

    /**
     * Whether this is the lowest-numbered thread of its core: the one that loads when SMT siblings share a
     * microcode engine, as Linux and Xen choose it.
     *
     * @return {@code true} when no SMT sibling has a lower number
     */
    public boolean isPrimaryThread() {
        return smtSiblings.get(0) == index;
    }
}
