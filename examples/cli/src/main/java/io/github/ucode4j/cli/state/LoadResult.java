package io.github.ucode4j.cli.state;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.rendezvous.LoadReport;
import java.util.Map;

/** How a load ended, in one word for alerts: the whole machine's result, where the report has one per CPU. */
public enum LoadResult {
    /** Every CPU that was to load ended where the plan wanted it. */
    SUCCEEDED,
    /** Some CPUs updated, others failed or refused: the machine runs mixed revisions. */
    PARTIAL,
    /** No CPU updated and some refused the patch. */
    REFUSED,
    /** Some CPU (or the kernel or Xen for all of them) did not answer within the time allowed. */
    TIMED_OUT,
    /** No CPU updated, for another reason: the report's per-CPU messages say which. */
    FAILED;

    /**
     * The result of {@code report}; a timeout outranks the rest, since a CPU may still be loading.
     *
     * @param report the report of a load that was made
     * @return the one result that sums the report up
     */
    public static LoadResult of(LoadReport report) {
        if (report.succeeded()) {
            return SUCCEEDED;
        }
        Map<CpuOutcome, Long> counts = report.counts();
        if (counts.containsKey(CpuOutcome.TIMED_OUT)) {
            return TIMED_OUT;
        }
        if (counts.containsKey(CpuOutcome.UPDATED) || counts.containsKey(CpuOutcome.SIBLING_UPDATED)) {
            return PARTIAL;
        }
        return counts.containsKey(CpuOutcome.REFUSED) ? REFUSED : FAILED;
    }
}
