package io.github.ucode4j.rendezvous.simulated;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.Revision;

/**
 * One load the simulated machine carried out, with its {@link System#nanoTime()} timestamps: what tests use to
 * check ordering (the control CPU finished before any other started) and that nothing was applied.
 *
 * @param cpu the logical CPU that loaded
 * @param startNanos when the load began
 * @param endNanos when it ended
 * @param before the revision before
 * @param after the revision after
 * @param triggered whether the load request reached the CPU's microcode engine (false when the vendor's rule would
 *     not load the patch over the running revision, so nothing was written; an AMD reload of the running revision
 *     is triggered)
 * @param outcome what the backend reported, as {@link io.github.ucode4j.api.LoadJudge} judged it
 */
public record ApplyRecord(int cpu, long startNanos, long endNanos, Revision before, Revision after, boolean triggered,
                          CpuOutcome outcome) {
}
