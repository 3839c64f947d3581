package io.github.ucode4j.cache;

import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Verdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The planner's answer for a machine: one verdict per logical CPU with its reason, and what the plan as a whole
 * should make a person look twice at (mixed steppings, revisions that differ across CPUs, a plan that would leave
 * CPUs different). Shown before any change; a dry run stops here.
 *
 * @param platform the machine planned for
 * @param verdicts one per CPU of the platform, in CPU order
 * @param findings plan-level observations
 * @param policy the policy the plan was made under
 */
public record LoadPlan(Platform platform, List<Verdict> verdicts, List<Finding> findings, PlanPolicy policy) {

    /**
     * Copies the lists.
     *
     * @param platform the machine planned for; not null
     * @param verdicts one per CPU of the platform, in CPU order; copied
     * @param findings plan-level observations; copied
     * @param policy the policy the plan was made under; not null
     */
    public LoadPlan {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(policy, "policy");
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
    }

    /**
     * The verdict for CPU {@code cpu}, if it is part of the platform.
     *
     * @param cpu the logical CPU number
     * @return the CPU's verdict, or empty when the platform has no such CPU
     */
    public Optional<Verdict> verdict(int cpu) {
        return verdicts.stream().filter(v -> v.cpu() == cpu).findFirst();
    }

    /**
     * The patch each CPU is to load, by CPU number; CPUs with nothing to load are absent.
     *
     * @return a new map, ascending by CPU number, of every CPU whose verdict loads; empty when nothing is to be loaded
     */
    public Map<Integer, MicrocodePatch> loads() {
        Map<Integer, MicrocodePatch> loads = new TreeMap<>();
        verdicts.stream().filter(v -> v.kind().loads()).forEach(v -> loads.put(v.cpu(), v.patch().orElseThrow()));
        return loads;
    }

    /**
     * The distinct patches the plan loads.
     *
     * @return the patches of {@link #loads()}, each once, in the order of the first CPU that loads it
     */
    public Set<MicrocodePatch> patchesToLoad() {
        return new LinkedHashSet<>(loads().values());
    }

    /**
     * Whether any CPU is to load anything.
     *
     * @return {@code true} when at least one verdict loads a patch
     */
    public boolean loadsAnything() {
        return verdicts.stream().anyMatch(v -> v.kind().loads());
    }
}
