package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a rendezvous did: one result per participating CPU, whether and why it was aborted, and how long the
 * CPUs were held.
 *
 * @param results one result per participating CPU, sorted by CPU number
 * @param abort why the rendezvous was aborted, or empty when every loading CPU was attempted
 * @param controlCpu the CPU that loaded first and alone, when the control-first step ran
 * @param callIn from the start of the threads to the moment the last CPU called in (or to the abort)
 * @param stoppedWindow from the moment every CPU had called in to EXIT: how long the machine was held; empty
 *     when the CPUs never all called in
 * @param notes what a person should know that is about no single CPU: memory kept because a thread is stuck,
 *     a failure to release what was prepared
 */
public record RendezvousReport(List<CpuResult> results, Optional<Abort> abort, OptionalInt controlCpu,
                               Duration callIn, Optional<Duration> stoppedWindow, List<String> notes) {

    /**
     * Sorts and copies the results and notes; requires non-null components.
     *
     * @param results one result per participating CPU, in any order; sorted by CPU number and copied
     * @param abort why the rendezvous was aborted, or empty; not null
     * @param controlCpu the CPU that loaded first and alone, or empty; not null
     * @param callIn how long the call-in took; not null
     * @param stoppedWindow how long the machine was held, or empty; not null
     * @param notes what a person should know that is about no single CPU; copied
     */
    public RendezvousReport {
        results = results.stream().sorted((a, b) -> Integer.compare(a.cpu(), b.cpu())).toList();
        Objects.requireNonNull(abort, "abort");
        Objects.requireNonNull(controlCpu, "controlCpu");
        Objects.requireNonNull(callIn, "callIn");
        Objects.requireNonNull(stoppedWindow, "stoppedWindow");
        notes = List.copyOf(notes);
    }

    /**
     * This report with {@code note} added.
     *
     * @param note what a person should know; not null
     * @return a copy of this report with {@code note} after its notes
     */
    public RendezvousReport withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new RendezvousReport(results, abort, controlCpu, callIn, stoppedWindow, more);
    }

    /**
     * Whether the rendezvous was aborted.
     *
     * @return {@code true} when the rendezvous was aborted, {@link #abort()} saying why
     */
    public boolean aborted() {
        return abort.isPresent();
    }

    /**
     * The result of CPU {@code cpu}, if it took part.
     *
     * @param cpu the logical CPU number
     * @return the CPU's result, or empty when it did not take part
     */
    public Optional<CpuResult> result(int cpu) {
        return results.stream().filter(r -> r.cpu() == cpu).findFirst();
    }

    /**
     * How many CPUs ended with {@code outcome}.
     *
     * @param outcome the outcome to count; not null
     * @return the number of participating CPUs whose result has this outcome; 0 when none
     */
    public long count(CpuOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
