package io.github.ucode4j.xen;

import io.github.ucode4j.linux.CpuList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A probe's notes, the same note for many CPUs said once ({@code CPUs 0-63: ...}). Not thread-safe: one probe
 * fills it.
 */
final class CpuNotes {
    private final List<String> general = new ArrayList<>();
    private final Map<String, TreeSet<Integer>> perCpu = new LinkedHashMap<>();

    /** A note about the machine as a whole. */
    void add(String note) {
        general.add(note);
    }

    /** A note about one physical CPU. */
    void add(int cpu, String note) {
        perCpu.computeIfAbsent(note, n -> new TreeSet<>()).add(cpu);
    }

    /** Machine notes first, then per-CPU notes in the order first seen. */
    List<String> toList() {
        List<String> notes = new ArrayList<>(general);
        perCpu.forEach((note, cpus) -> notes.add((cpus.size() == 1 ? "CPU " : "CPUs ") + CpuList.format(cpus) + ": " + note));
        return notes;
    }
}
