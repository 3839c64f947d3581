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
 * @param triggered whether the load request reached the CPU's microcode engine (false when the CPU already ran
 *     the patch's revision or a newer one and nothing was written)
 * @param outcome what the backend reported
 */
public record ApplyRecord(int cpu, long startNanos, long endNanos, Revision before, Revision after, boolean triggered,
                          CpuOutcome outcome) {
}
