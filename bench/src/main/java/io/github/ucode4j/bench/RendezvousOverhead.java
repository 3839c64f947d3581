package io.github.ucode4j.bench;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.rendezvous.RendezvousOptions.Spinning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendezvous's own cost on this host: many whole rendezvous on every allowed CPU, threads really pinned, loads
 * that take no time, for each way of spinning, next to {@link PinnedHandoff}, the least any such handover costs
 * here. Prints median, p90, p99 and max of the stopped window (what the machine is held for), of its handovers
 * (the window less the time spent inside the simulated applies) and of the call-in (thread start and pinning,
 * before the window), and whether the window meets the goals: a median of at most 50 µs, a p99 of at most 500 µs.
 *
 * <p>The subjects take turns, one run each, so that whatever else the host runs meanwhile weighs on all of them
 * alike. Usage: {@code RendezvousOverhead [RUNS [WARMUP]]}, default 2000 measured runs per subject after 500
 * unmeasured ones. The last line gives the synchronisation cost per step that {@link RendezvousModelTable} takes.
 */
public final class RendezvousOverhead {
    private static final long MEDIAN_GOAL_NANOS = 50_000;
    private static final long P99_GOAL_NANOS = 500_000;

    private RendezvousOverhead() {
    }

    public static void main(String[] args) throws ApplyException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        PinnedHost host = PinnedHost.current();
        List<Subject> subjects = new ArrayList<>();
        Map<String, Samples> samples;
        try {
            for (Spinning spinning : Spinning.values()) {
                subjects.add(new PinnedRig(host, spinning));
            }
            subjects.add(new PinnedHandoff(host));
            samples = measure(subjects, runs, warmup);
        } finally {
            subjects.forEach(Subject::close);
        }
        System.out.printf("rendezvous overhead: %d CPUs, threads pinned, loads of 0 µs, control first, %d runs each after"
                + " %d unmeasured%n", host.cpus().size(), runs, warmup);
        System.out.printf("%-8s %-9s %9s %9s %9s %9s  (µs)%n", "subject", "measure", "median", "p90", "p99", "max");
        samples.forEach((name, s) -> System.out.print(s.lines(name)));
        System.out.println("AUTO spins as PURE while CPUs <= host processors; handovers = window minus the time inside"
                + " the simulated applies; handoff = the host's baseline: pinned threads, two steps, no rendezvous");
        printSyncPerStep(host.cpus().size(), samples.get(Spinning.PURE.name()));
    }

    private static Map<String, Samples> measure(List<Subject> subjects, int runs, int warmup) {
        Map<String, Samples> samples = new LinkedHashMap<>();
        subjects.forEach(subject -> samples.put(subject.name(), new Samples(runs)));
        for (int run = 0; run < warmup + runs; run++) {
            for (Subject subject : subjects) {
                Subject.Sample sample = subject.runOnce();
                if (run >= warmup) {
                    samples.get(subject.name()).add(sample);
                }
            }
        }
        return samples;
    }

    // A control-first window on more than one CPU is two handovers: to the control CPU, then to the others.
    private static void printSyncPerStep(int cpus, Samples pure) {
        int steps = cpus > 1 ? 2 : 1;
        long perStep = pure.handovers().median() / steps;
        System.out.printf("sync per step: %.1f µs (PURE handovers median / %d steps)%n", micros(perStep), steps);
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    /** One subject's measurements; a run that never reached the window counts only as incomplete. */
    private static final class Samples {
        private final long[] windows;
        private final long[] handovers;
        private final long[] callIns;
        private int measured;
        private int incomplete;

        Samples(int capacity) {
            windows = new long[capacity];
            handovers = new long[capacity];
            callIns = new long[capacity];
        }

        void add(Subject.Sample sample) {
            if (!sample.complete()) {
                incomplete++;
            }
            if (sample.reachedWindow()) {
                windows[measured] = sample.windowNanos();
                handovers[measured] = sample.handoverNanos();
                callIns[measured] = sample.callInNanos();
                measured++;
            }
        }

        Percentiles handovers() {
            return percentiles(handovers);
        }

        private Percentiles percentiles(long[] values) {
            if (measured == 0) {
                throw new IllegalStateException("no run reached the stopped window");
            }
            return new Percentiles(Arrays.copyOf(values, measured));
        }

        String lines(String name) {
            Percentiles window = percentiles(windows);
            boolean met = window.median() <= MEDIAN_GOAL_NANOS && window.at(99) <= P99_GOAL_NANOS;
            return row(name, "window", window) + String.format("  goal (median <= 50, p99 <= 500 µs) %s; incomplete runs %d%n",
                    met ? "met" : "NOT met", incomplete)
                    + row(name, "handovers", handovers()) + System.lineSeparator()
                    + row(name, "call-in", percentiles(callIns)) + System.lineSeparator();
        }

        private static String row(String name, String measure, Percentiles p) {
            return String.format("%-8s %-9s %9.1f %9.1f %9.1f %9.1f", name, measure, micros(p.median()), micros(p.at(90)),
                    micros(p.at(99)), micros(p.max()));
        }
    }
}
