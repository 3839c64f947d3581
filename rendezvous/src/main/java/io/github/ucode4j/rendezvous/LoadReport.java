package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.cache.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole story of a late load: the plan, what each CPU ran before and after, what the backend reported, and
 * whether the machine ended consistent.
 *
 * @param backend the backend's name
 * @param plan the plan that was carried out
 * @param cpus one result per CPU of the plan, in CPU order
 * @param rendezvous what the rendezvous reported, for a per-CPU backend
 * @param system what the kernel or hypervisor reported, for a system backend
 * @param after the platform as read back after the load; after a per-CPU load, each CPU's revision is the one the
 *     rendezvous read on that CPU ({@link #READ_BACK_BY_RENDEZVOUS}), or the backend's own reading where the
 *     rendezvous could not read it: {@link PlatformCpu#sourceOf} says which
 */
public record LoadReport(String backend, LoadPlan plan, List<CpuLoadResult> cpus, Optional<RendezvousReport> rendezvous,
                         Optional<SystemResult> system, Platform after) {

    /**
     * The source of a revision read on its own CPU by the rendezvous after a per-CPU load: by the backend's
     * {@code apply} on a loading CPU, by {@link io.github.ucode4j.api.spi.PerCpuBackend#readRevision} on the others.
     * A backend's {@code platform()} may lag behind such a load (Linux's sysfs does after a load through the msr
     * device); these reads do not.
     */
    public static final String READ_BACK_BY_RENDEZVOUS = "read back on the CPU by the rendezvous";

    /**
     * Copies the results; requires non-null components.
     *
     * @param backend the backend's name; not null
     * @param plan the plan that was carried out; not null
     * @param cpus one result per CPU of the plan; copied
     * @param rendezvous the rendezvous's report, or empty for a system backend or when nothing was loaded; not null
     * @param system the system backend's result, or empty for a per-CPU backend or when nothing was loaded; not null
     * @param after the platform as read back after the load; not null
     */
    public LoadReport {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(plan, "plan");
        cpus = List.copyOf(cpus);
        Objects.requireNonNull(rendezvous, "rendezvous");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(after, "after");
    }

    /**
     * Whether the plan forced loads over same or newer revisions.
     *
     * @return {@code true} when the plan's policy forced
     */
    public boolean forced() {
        return plan.policy().force();
    }

    /**
     * How many CPUs ended with each outcome.
     *
     * @return the number of CPUs with each outcome that occurred; outcomes no CPU had are absent
     */
    public Map<CpuOutcome, Long> counts() {
        Map<CpuOutcome, Long> counts = new EnumMap<>(CpuOutcome.class);
        cpus.forEach(c -> counts.merge(c.outcome(), 1L, Long::sum));
        return counts;
    }

    /**
     * Whether every CPU that was to load ended where the plan wanted it, and none failed or timed out.
     *
     * @return {@code true} when no CPU failed, was refused, timed out or is unsettled, and every CPU left alone had
     *     nothing to load
     */
    public boolean succeeded() {
        return cpus.stream().allMatch(c -> c.outcome().succeeded() || c.outcome() == CpuOutcome.NOT_ATTEMPTED && !c.verdict().loads());
    }

    /**
     * How long the machine was held, for a per-CPU backend whose CPUs all called in.
     *
     * @return the stopped window, or empty for a system backend, or when the CPUs never all called in
     */
    public Optional<Duration> stoppedWindow() {
        return rendezvous.flatMap(RendezvousReport::stoppedWindow);
    }

    /**
     * Where each CPU's revision after the load was read, with the CPUs read there, in CPU order.
     *
     * @return each source, in the order of its first CPU, with the CPUs whose revision was read there, ascending
     */
    public Map<String, List<Integer>> afterRevisionSources() {
        Map<String, List<Integer>> sources = new LinkedHashMap<>();
        after.cpus().forEach(c -> sources.computeIfAbsent(c.sourceOf(Fact.REVISION), s -> new ArrayList<>()).add(c.index()));
        return sources;
    }

    /**
     * Whether every CPU of each signature reads the same revision after the load (CPUs whose revision could not be
     * read are left out): the check users make after a load, because a partial load leaves cores different.
     *
     * @return {@code true} when no two CPUs of one signature read different revisions
     */
    public boolean consistent() {
        Map<CpuSignature, Set<Revision>> revisions = new HashMap<>();
        for (PlatformCpu cpu : after.cpus()) {
            if (cpu.state().signature().isPresent() && cpu.state().revision().isPresent()) {
                revisions.computeIfAbsent(cpu.state().signature().get(), s -> new HashSet<>()).add(cpu.state().revision().get());
            }
        }
        return revisions.values().stream().allMatch(set -> set.size() == 1);
    }
}
