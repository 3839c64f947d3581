package io.github.ucode4j.cli.json;

import io.github.ucode4j.cli.Display;
import io.github.ucode4j.rendezvous.CpuLoadResult;
import io.github.ucode4j.rendezvous.LoadReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load did: per CPU the outcome with the revisions before and after (null where unknown), how many CPUs
 * ended with each outcome, whether every CPU of a signature runs the same revision now ({@code consistent}), and
 * whether the load {@code succeeded}. {@code changed} is true when some CPU's revision read back differs from the
 * one before.
 *
 * @param backend the name of the backend that loaded
 * @param forced whether the plan forced loads over the same or a newer revision
 * @param cpus one result per CPU, in CPU order
 * @param counts how many CPUs ended with each outcome, keyed by the outcome's name
 * @param consistent whether every CPU of a signature runs the same revision now
 * @param succeeded whether every CPU that was to load ended where the plan wanted it, none failing or timing out
 * @param changed whether some CPU's revision read back differs from the one before
 */
public record ReportJson(String backend, boolean forced, List<Cpu> cpus, Map<String, Long> counts, boolean consistent,
                         boolean succeeded, boolean changed) {

    /**
     * One CPU's result; {@code outcome} is a {@link io.github.ucode4j.api.CpuOutcome} name.
     *
     * @param cpu the CPU's number
     * @param verdict the plan's verdict for the CPU, a {@link io.github.ucode4j.api.VerdictKind} name
     * @param outcome what the load did, a {@link io.github.ucode4j.api.CpuOutcome} name
     * @param before the revision before the load, in hex, or null when unknown
     * @param after the revision read back after the load, in hex, or null when unknown
     * @param message what happened, in words
     */
    public record Cpu(int cpu, String verdict, String outcome, String before, String after, String message) {
    }

    /**
     * The DTO for {@code report}.
     *
     * @param report the load's report
     * @return the document part for that report, outcomes counted by name
     */
    public static ReportJson of(LoadReport report) {
        Map<String, Long> counts = new TreeMap<>();
        report.counts().forEach((outcome, count) -> counts.put(outcome.name(), count));
        List<Cpu> cpus = report.cpus().stream().map(ReportJson::cpu).toList();
        return new ReportJson(report.backend(), report.forced(), cpus, counts, report.consistent(), report.succeeded(),
                changed(report));
    }

    /**
     * Whether some CPU's revision read back after the load differs from the one it ran before.
     *
     * @param report the load's report
     * @return true when some CPU's revision after the load is known and differs from the one before
     */
    public static boolean changed(LoadReport report) {
        return report.cpus().stream().anyMatch(c -> c.after().isPresent() && !c.after().equals(c.before()));
    }

    private static Cpu cpu(CpuLoadResult cpu) {
        return new Cpu(cpu.cpu(), cpu.verdict().name(), cpu.outcome().name(), cpu.before().map(Object::toString).orElse(null),
                cpu.after().map(Object::toString).orElse(null), cpu.message());
    }
}
