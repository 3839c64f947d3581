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

    /** Sorts and copies the results and notes; requires non-null components. */
    public RendezvousReport {
        results = results.stream().sorted((a, b) -> Integer.compare(a.cpu(), b.cpu())).toList();
        Objects.requireNonNull(abort, "abort");
        Objects.requireNonNull(controlCpu, "controlCpu");
        Objects.requireNonNull(callIn, "callIn");
        Objects.requireNonNull(stoppedWindow, "stoppedWindow");
        notes = List.copyOf(notes);
    }

    /** This report with {@code note} added. */
    public RendezvousReport withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new RendezvousReport(results, abort, controlCpu, callIn, stoppedWindow, more);
    }

    /** Whether the rendezvous was aborted. */
    public boolean aborted() {
        return abort.isPresent();
    }

    /** The result of CPU {@code cpu}, if it took part. */
    public Optional<CpuResult> result(int cpu) {
        return results.stream().filter(r -> r.cpu() == cpu).findFirst();
    }

    /** How many CPUs ended with {@code outcome}. */
    public long count(CpuOutcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
