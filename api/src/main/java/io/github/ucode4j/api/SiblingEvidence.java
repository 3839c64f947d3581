package io.github.ucode4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What was seen of an SMT sibling that shares its microcode engine with another CPU, its loader, and was not loaded
 * itself (Intel loads one thread per core), for {@link LoadJudge#judgeSibling}.
 *
 * @param cpu the logical CPU number of the sibling
 * @param before the revision the sibling ran before the load, if it was read
 * @param after the revision the sibling reads after the load
 * @param asked the revision of the patch its loader was asked to load
 * @param loader the logical CPU number of its loader
 * @param loaderOutcome the outcome judged for its loader
 * @param loaderMayStillLand whether its loader's request hung, so that the load may still land on the shared engine
 */
public record SiblingEvidence(int cpu, Optional<Revision> before, Revision after, Revision asked, int loader,
                              CpuOutcome loaderOutcome, boolean loaderMayStillLand) {

    /**
     * Requires non-null components.
     *
     * @param cpu the logical CPU number of the sibling
     * @param before the revision before the load, or empty when it was not read; not null
     * @param after the revision read after the load; not null
     * @param asked the revision its loader was asked to load; not null
     * @param loader the logical CPU number of its loader
     * @param loaderOutcome the outcome judged for its loader; not null
     * @param loaderMayStillLand whether its loader's request hung and may still land
     */
    public SiblingEvidence {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(loaderOutcome, "loaderOutcome");
    }
}
