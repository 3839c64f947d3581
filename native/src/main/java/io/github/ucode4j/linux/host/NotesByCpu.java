package io.github.ucode4j.linux.host;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuList;
import io.github.ucode4j.linux.libc.Errno;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Notes about CPUs, the same note for many CPUs said once ({@code CPUs 0-63: ...}): a probe's notes, a reload's revisions. Not
 * thread-safe: one caller fills it.
 */
public final class NotesByCpu {
    private final List<String> general = new ArrayList<>();
    private final Map<String, TreeSet<Integer>> perCpu = new LinkedHashMap<>();

    /** No notes yet. */
    public NotesByCpu() {
    }

    /**
     * A note about the machine as a whole.
     *
     * @param note the note, said as given
     */
    public void add(String note) {
        general.add(note);
    }

    /**
     * Why a device access failed, for a note: the errno and the remedy, without the CPU-specific opening of the
     * message, so that the same failure on many CPUs makes one note.
     *
     * @param e the failure
     * @return e.g. {@code No such file or directory (ENOENT): load the msr module (modprobe msr)}
     */
    public static String reason(ApplyException e) {
        String cause = e.errno().isPresent() ? Errno.describe(e.errno().getAsInt()) : e.getMessage();
        return e.remedy().isEmpty() ? cause : cause + ": " + e.remedy();
    }

    /**
     * A note about one CPU; the CPUs given the same note are said together.
     *
     * @param cpu the CPU's number (for a backend such as {@code xen}, a physical CPU's)
     * @param note the note, without the CPU
     */
    public void add(int cpu, String note) {
        perCpu.computeIfAbsent(note, n -> new TreeSet<>()).add(cpu);
    }

    /**
     * Machine notes first, then per-CPU notes in the order first seen.
     *
     * @return the notes, each per-CPU one prefixed with {@code CPU N: } or {@code CPUs 0-3,8: }; a new list
     */
    public List<String> toList() {
        List<String> notes = new ArrayList<>(general);
        perCpu.forEach((note, cpus) -> notes.add((cpus.size() == 1 ? "CPU " : "CPUs ") + CpuList.format(cpus) + ": " + note));
        return notes;
    }
}
