package io.github.ucode4j.amd;

import io.github.ucode4j.api.Revision;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Per CPU, the highest running revision at which the loaders still check patch digests: above it the CPU runs AMD's
 * Entrysign fix and verifies signatures itself. A CPU is keyed by the upper 24 bits of its revision (Zen patch ids
 * encode the CPU there), so a cutoff is found from the running revision alone.
 */
public final class EntrysignCutoffs {
    private static final String RESOURCE = "entrysign-cutoffs.txt";

    private final Map<Integer, Revision> byCpu;

    private EntrysignCutoffs(Map<Integer, Revision> byCpu) {
        this.byCpu = Map.copyOf(byCpu);
    }

    /**
     * The cutoffs Linux uses, read from the driver's resource (which records where they come from).
     *
     * @return the built-in cutoffs, read once
     */
    public static EntrysignCutoffs builtIn() {
        return Holder.BUILT_IN;
    }

    /**
     * A set of cutoffs, each keyed by its own upper 24 bits.
     *
     * @param cutoffs the revisions of the fix, one per CPU
     * @return a set holding those cutoffs
     * @throws IllegalArgumentException when two cutoffs are for the same CPU
     */
    public static EntrysignCutoffs of(Iterable<Revision> cutoffs) {
        Map<Integer, Revision> byCpu = new HashMap<>();
        for (Revision cutoff : cutoffs) {
            if (byCpu.put(cpuKey(cutoff), cutoff) != null) {
                throw new IllegalArgumentException("two cutoffs for the CPU of " + cutoff);
            }
        }
        return new EntrysignCutoffs(byCpu);
    }

    /**
     * The cutoff for the CPU running {@code revision}, if one is known.
     *
     * @param revision the running revision, whose upper 24 bits name the CPU
     * @return that CPU's cutoff, or empty when none is known
     */
    public Optional<Revision> cutoffFor(Revision revision) {
        return Optional.ofNullable(byCpu.get(cpuKey(revision)));
    }

    /**
     * How many CPUs have a cutoff.
     *
     * @return the number of cutoffs held
     */
    public int size() {
        return byCpu.size();
    }

    private static int cpuKey(Revision revision) {
        return revision.value() >>> 8;
    }

    private static final class Holder {
        static final EntrysignCutoffs BUILT_IN = new EntrysignCutoffs(ResourceLines.read(RESOURCE).stream()
                .map(line -> Revision.of(ResourceLines.hex32(line)))
                .collect(Collectors.toMap(EntrysignCutoffs::cpuKey, Function.identity())));
    }
}
