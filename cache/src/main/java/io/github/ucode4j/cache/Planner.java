package io.github.ucode4j.cache;

import io.github.ucode4j.api.CpuList;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MatchStatus;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, for every logical CPU of a platform, which patch of a cache it should load, or why none, in words a
 * person understands: update to patch X; already up to date; no patch for this signature; the platform flags do
 * not match; not safe to late-load; early load only; digest unknown; final patch level; revision or CPU unknown.
 *
 * <p>For each CPU the candidates are the cache's selected patches that its vendor driver matches to the CPU
 * ({@link MicrocodeCache#candidates}); the newest one the vendor's rule would load and no vendor rule objects to is
 * chosen. A downgrade is planned by selecting the wanted revision and forcing.
 *
 * <p>An objection to a patch ({@link LoadObjection.Scope#PATCH}: Intel's {@code min_req_ver}, an AMD digest) lets
 * an older candidate be chosen instead, and {@link PlanPolicy#ignoreLateLoadObjections()} overrides it. An
 * objection to the CPU ({@link LoadObjection.Scope#CPU}: microcode that must only be loaded early, because a late
 * load may hang the machine) raised against any candidate ends the search: no older patch is late-loaded instead,
 * since what is unsafe is the late load itself, and neither policy overrides it, since a forced late load is still
 * a late load. A forced reload is checked for such objections too. Stateless and thread-safe.
 *
 * <p>Each plan is logged at {@code DEBUG}: one line per group of CPUs with the same verdict, its kind and reason.
 */
public final class Planner {
    private static final System.Logger LOG = System.getLogger(Planner.class.getName());

    private final MicrocodeDrivers drivers;

    /**
     * A planner that matches through {@code drivers}.
     *
     * @param drivers the vendor drivers whose matching and rules the plan follows; a CPU of a vendor none serves gets
     *     {@link io.github.ucode4j.api.VerdictKind#CPU_UNKNOWN}
     */
    public Planner(MicrocodeDrivers drivers) {
        this.drivers = drivers;
    }

    /**
     * The plan for {@code platform} from {@code cache} under {@code policy}.
     *
     * @param platform the machine to plan for, as a backend read it; not null
     * @param cache the patches to choose from; not null
     * @param policy whether to force and whether to ignore objections to a patch; not null
     * @return one verdict per CPU of the platform, in CPU order, and the findings about the machine and the plan as a
     *     whole; nothing is loaded
     */
    public LoadPlan plan(Platform platform, MicrocodeCache cache, PlanPolicy policy) {
        List<Verdict> verdicts = new ArrayList<>();
        for (PlatformCpu cpu : platform.cpus()) {
            verdicts.add(verdict(cpu, cache, policy));
        }
        List<Finding> findings = new ArrayList<>(PlatformAudit.differences(platform));
        PlatformAudit.divergentOutcome(platform, verdicts).ifPresent(findings::add);
        if (LOG.isLoggable(Level.DEBUG)) {
            logVerdicts(platform, cache, policy, verdicts);
        }
        return new LoadPlan(platform, verdicts, findings, policy);
    }

    private static void logVerdicts(Platform platform, MicrocodeCache cache, PlanPolicy policy, List<Verdict> verdicts) {
        LOG.log(Level.DEBUG, "planned " + verdicts.size() + " CPUs read by the " + platform.backend() + " backend from "
                + cache.patches().size() + " patches" + (policy.force() ? ", forced" : "")
                + (policy.ignoreLateLoadObjections() ? ", late-load objections ignored" : ""));
        Map<String, List<Integer>> cpusByVerdict = new LinkedHashMap<>();
        for (Verdict verdict : verdicts) {
            cpusByVerdict.computeIfAbsent(verdict.kind() + ": " + verdict.reason(), v -> new ArrayList<>()).add(verdict.cpu());
        }
        cpusByVerdict.forEach((verdict, cpus) -> LOG.log(Level.DEBUG, "CPUs " + CpuList.format(cpus) + ": " + verdict));
    }

    private Verdict verdict(PlatformCpu cpu, MicrocodeCache cache, PlanPolicy policy) {
        int index = cpu.index();
        CpuState state = cpu.state();
        if (state.vendor().isEmpty() || state.signature().isEmpty()) {
            return none(index, VerdictKind.CPU_UNKNOWN, "the CPU's " + (state.vendor().isEmpty() ? "vendor" : "signature")
                    + " could not be read (" + cpu.sourceOf(state.vendor().isEmpty() ? Fact.VENDOR
                    : Fact.SIGNATURE) + ")");
        }
        Vendor vendor = state.vendor().get();
        CpuSignature signature = state.signature().get();
        Optional<MicrocodeOps> driver = drivers.forVendor(vendor);
        if (driver.isEmpty()) {
            return none(index, VerdictKind.CPU_UNKNOWN, "no " + vendor.cpuidName() + " driver is installed to read its patches");
        }
        List<MicrocodePatch> forSignature = cache.candidates(signature).stream().filter(p -> p.vendor() == vendor).toList();
        if (forSignature.isEmpty()) {
            return none(index, VerdictKind.NO_PATCH, "no patch for " + signature + " among the " + cache.patches().size()
                    + " patches loaded");
        }
        List<MicrocodePatch> matching = new ArrayList<>();
        List<Match> mismatches = new ArrayList<>();
        for (MicrocodePatch patch : forSignature) {
            Match match = driver.get().match(patch, state);
            if (match.matches()) {
                matching.add(patch);
            } else {
                mismatches.add(match);
            }
        }
        if (matching.isEmpty()) {
            return mismatchVerdict(index, signature, mismatches);
        }
        MicrocodePatch newest = matching.get(0);
        if (state.revision().isEmpty()) {
            return new Verdict(index, VerdictKind.REVISION_UNKNOWN, Optional.of(newest), "the newest patch is revision "
                    + newest.revision() + ", but the running revision could not be read, so loading it is not decided");
        }
        Revision running = state.revision().get();
        List<MicrocodePatch> loadable = matching.stream().filter(p -> vendor.wouldLoad(running, p.revision())).toList();
        if (loadable.isEmpty()) {
            if (policy.force()) {
                Candidate reload = new Candidate(newest, driver.get().lateLoadObjection(newest, state));
                return reload.objectsToTheCpu() ? refused(index, reload) : new Verdict(index, VerdictKind.FORCED,
                        Optional.of(newest), "forced: reload revision " + newest.revision() + " over the running " + running
                        + " (" + newest.origin() + ")");
            }
            return new Verdict(index, VerdictKind.UP_TO_DATE, Optional.of(newest), "runs revision " + running
                    + (newest.revision().equals(running) ? ", the newest available" : ", newer than the newest available " + newest.revision()));
        }
        List<Candidate> candidates = loadable.stream().map(p -> new Candidate(p, driver.get().lateLoadObjection(p, state))).toList();
        Optional<Candidate> againstTheCpu = candidates.stream().filter(Candidate::objectsToTheCpu).findFirst();
        if (againstTheCpu.isPresent()) {
            return refused(index, againstTheCpu.get());
        }
        Optional<LoadObjection> firstObjection = Optional.empty();
        for (Candidate candidate : candidates) {
            if (candidate.objection().isEmpty()) {
                return update(index, running, candidate.patch(), newest, firstObjection);
            }
            if (policy.ignoreLateLoadObjections()) {
                return new Verdict(index, VerdictKind.UPDATE, Optional.of(candidate.patch()), updateText(running, candidate.patch())
                        + "; loaded despite: " + candidate.objection().get().reason());
            }
            firstObjection = firstObjection.or(candidate::objection);
        }
        LoadObjection objection = firstObjection.orElseThrow();
        return new Verdict(index, objection.kind(), Optional.of(loadable.get(0)), objection.reason());
    }

    private static Verdict refused(int index, Candidate candidate) {
        LoadObjection objection = candidate.objection().orElseThrow();
        return new Verdict(index, objection.kind(), Optional.of(candidate.patch()), objection.reason()
                + "; forcing does not change this: a forced late load is still a late load");
    }

    private static Verdict update(int index, Revision running, MicrocodePatch chosen, MicrocodePatch newest,
                                  Optional<LoadObjection> skipped) {
        String reason = updateText(running, chosen);
        if (chosen != newest && skipped.isPresent()) {
            reason += " (the newer revision " + newest.revision() + " is not loadable: " + skipped.get().reason() + ")";
        }
        return new Verdict(index, VerdictKind.UPDATE, Optional.of(chosen), reason);
    }

    private static String updateText(Revision running, MicrocodePatch patch) {
        return "update from revision " + running + " to " + patch.revision()
                + patch.date().map(d -> " (" + d + ")").orElse("") + " from " + patch.origin();
    }

    private static Verdict mismatchVerdict(int index, CpuSignature signature, List<Match> mismatches) {
        boolean platform = mismatches.stream().anyMatch(m -> m.status() == MatchStatus.PLATFORM_MISMATCH || m.status() == MatchStatus.PLATFORM_UNKNOWN);
        String reasons = mismatches.stream().map(Match::reason).distinct().collect(Collectors.joining("; "));
        return none(index, platform ? VerdictKind.PLATFORM_MISMATCH : VerdictKind.NO_PATCH,
                (platform ? "patches exist for " + signature + " but not for this CPU's platform: " : "no patch fits " + signature + ": ") + reasons);
    }

    private static Verdict none(int index, VerdictKind kind, String reason) {
        return new Verdict(index, kind, Optional.empty(), reason);
    }

    /** A patch the CPU would load, and what its vendor's rules say against loading it late. */
    private record Candidate(MicrocodePatch patch, Optional<LoadObjection> objection) {
        boolean objectsToTheCpu() {
            return objection.filter(o -> o.scope() == LoadObjection.Scope.CPU).isPresent();
        }
    }

    /** Observations about a platform and a plan as a whole. */
    static final class PlatformAudit {
        private PlatformAudit() {
        }

        static List<Finding> differences(Platform platform) {
            List<Finding> findings = new ArrayList<>();
            Map<CpuSignature, List<Integer>> bySignature = group(platform, s -> s.signature());
            if (bySignature.size() > 1) {
                findings.add(planFinding(Severity.WARNING, "PLAN_MIXED_SIGNATURES", "CPUs have different signatures (mixed steppings): "
                        + describe(bySignature, CpuSignature::toString)));
            }
            for (Map.Entry<CpuSignature, List<Integer>> group : bySignature.entrySet()) {
                Map<Revision, List<Integer>> byRevision = new TreeMap<>();
                for (int cpu : group.getValue()) {
                    platform.cpu(cpu).flatMap(c -> c.state().revision()).ifPresent(r -> byRevision.computeIfAbsent(r, x -> new ArrayList<>()).add(cpu));
                }
                if (byRevision.size() > 1) {
                    findings.add(planFinding(Severity.WARNING, "PLAN_MIXED_REVISIONS", "CPUs with signature " + group.getKey()
                            + " run different revisions: " + describe(byRevision, Revision::toString)));
                }
            }
            return findings;
        }

        static Optional<Finding> divergentOutcome(Platform platform, List<Verdict> verdicts) {
            Map<CpuSignature, Map<String, List<Integer>>> outcome = new TreeMap<>();
            for (Verdict verdict : verdicts) {
                CpuState state = platform.cpu(verdict.cpu()).orElseThrow().state();
                if (state.signature().isEmpty()) {
                    continue;
                }
                String after = verdict.kind().loads() ? verdict.patch().orElseThrow().revision().toString()
                        : state.revision().map(Revision::toString).orElse("unknown");
                outcome.computeIfAbsent(state.signature().get(), s -> new TreeMap<>())
                        .computeIfAbsent(after, r -> new ArrayList<>()).add(verdict.cpu());
            }
            List<String> divergent = new ArrayList<>();
            outcome.forEach((signature, revisions) -> {
                if (revisions.size() > 1) {
                    divergent.add(signature + ": " + describe(revisions, r -> r));
                }
            });
            return divergent.isEmpty() ? Optional.empty() : Optional.of(planFinding(Severity.WARNING, "PLAN_DIVERGENT_OUTCOME",
                    "after this plan, CPUs of the same signature would run different revisions: " + String.join("; ", divergent)));
        }

        private static <K> Map<K, List<Integer>> group(Platform platform, Function<CpuState, Optional<K>> key) {
            Map<K, List<Integer>> groups = new TreeMap<>();
            for (PlatformCpu cpu : platform.cpus()) {
                key.apply(cpu.state()).ifPresent(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()).add(cpu.index()));
            }
            return groups;
        }

        private static <K> String describe(Map<K, List<Integer>> groups, Function<K, String> name) {
            return groups.entrySet().stream().map(e -> name.apply(e.getKey()) + " on CPUs " + CpuList.format(e.getValue()))
                    .collect(Collectors.joining(", "));
        }

        private static Finding planFinding(Severity severity, String code, String message) {
            return new Finding(severity, code, "", -1, message);
        }
    }
}
