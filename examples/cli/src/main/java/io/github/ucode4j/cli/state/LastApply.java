package io.github.ucode4j.cli.state;

import io.github.ucode4j.cli.json.ReportJson;
import io.github.ucode4j.rendezvous.CpuLoadResult;
import io.github.ucode4j.rendezvous.LoadReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of one load, as {@code apply} leaves it in the state folder ({@code last-apply.json}, schema
 * {@code ucode4j/last-apply/1}): how it ended, whether some CPU's revision moved, when (ISO-8601, UTC), which
 * {@code ucode} and backend made it, how many CPUs ended with each outcome, and each CPU's revision before and after
 * (null where unknown).
 *
 * @param result how the load ended
 * @param changed whether some CPU's revision read back differs from the one before
 * @param time when the load ended, as {@link Instant#toString()} writes it
 * @param ucodeVersion the version of the {@code ucode} that loaded
 * @param backend the backend that loaded
 * @param counts how many CPUs ended with each {@link io.github.ucode4j.api.CpuOutcome}, by its name
 * @param cpus every CPU of the load, in CPU order
 */
public record LastApply(LoadResult result, boolean changed, String time, String ucodeVersion, String backend,
                        Map<String, Long> counts, List<Cpu> cpus) {

    /**
     * One CPU of the load.
     *
     * @param cpu the logical CPU's number
     * @param outcome its {@link io.github.ucode4j.api.CpuOutcome} name
     * @param before the revision it ran before, {@code 0x...}, or null when unknown
     * @param after the revision it runs after, or null when unknown
     */
    public record Cpu(int cpu, String outcome, String before, String after) {
    }

    /**
     * The record of {@code report}, a load that ended at {@code time}, made by {@code ucode} {@code ucodeVersion}.
     *
     * @param report the report of the load
     * @param time when the load ended
     * @param ucodeVersion the version of {@code ucode} that made it
     * @return the record to write
     */
    public static LastApply of(LoadReport report, Instant time, String ucodeVersion) {
        Map<String, Long> counts = new TreeMap<>();
        report.counts().forEach((outcome, count) -> counts.put(outcome.name(), count));
        return new LastApply(LoadResult.of(report), ReportJson.changed(report), time.toString(), ucodeVersion,
                report.backend(), counts, report.cpus().stream().map(LastApply::cpu).toList());
    }

    /**
     * When the load ended; a record read back is checked to have a valid time first.
     *
     * @return the instant the record's time field names
     */
    public Instant endedAt() {
        return Instant.parse(time);
    }

    private static Cpu cpu(CpuLoadResult cpu) {
        return new Cpu(cpu.cpu(), cpu.outcome().name(), cpu.before().map(Object::toString).orElse(null),
                cpu.after().map(Object::toString).orElse(null));
    }
}
