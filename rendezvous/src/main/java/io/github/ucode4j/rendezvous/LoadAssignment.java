package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import java.util.Objects;
import java.util.Optional;

/**
 * One CPU taking part in a rendezvous, and the patch the plan wants it to run, if any. Every online CPU takes
 * part, as in {@code stop_machine}, including those with nothing to load: they are held still while the others
 * load.
 *
 * @param cpu the logical CPU
 * @param patch the patch it should end up running, or empty when it has nothing to load
 */
public record LoadAssignment(LogicalCpu cpu, Optional<MicrocodePatch> patch) {

    /**
     * Requires non-null components.
     *
     * @param cpu the logical CPU; not null
     * @param patch the patch it should end up running, or empty; not null
     */
    public LoadAssignment {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(patch, "patch");
    }

    /**
     * {@code cpu} should load {@code patch}.
     *
     * @param cpu the logical CPU; not null
     * @param patch the patch it should end up running; not null
     * @return an assignment with a patch to load
     */
    public static LoadAssignment load(LogicalCpu cpu, MicrocodePatch patch) {
        return new LoadAssignment(cpu, Optional.of(patch));
    }

    /**
     * {@code cpu} takes part with nothing to load.
     *
     * @param cpu the logical CPU; not null
     * @return an assignment with nothing to load
     */
    public static LoadAssignment holdOnly(LogicalCpu cpu) {
        return new LoadAssignment(cpu, Optional.empty());
    }
}
