package io.github.ucode4j.cache;

import static io.github.ucode4j.cache.Patches.amd;
import static io.github.ucode4j.cache.Patches.bundle;
import static io.github.ucode4j.cache.Patches.intel;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.LogCapture;
import io.github.ucode4j.testing.Properties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final int SKX = 0x50654;
    private static final int CLX = 0x50657;
    private static final int ZEN2 = 0x830f10;
    private static final int ZEN3 = 0xa00f11;
    private static final int ZEN4 = 0xa10f11;

    private static final LoadObjection EARLY_ONLY = new LoadObjection(VerdictKind.EARLY_ONLY,
            "06-55-04 (0x50654) must not be late-loaded: a rule says so", LoadObjection.Scope.CPU);

    private static final Planner PLANNER = new Planner(MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL), new FixtureDriver(Vendor.AMD))));

    @Test
    void aHomogeneousIntelServerUpdatesEveryCpuToTheNewestPatch() throws Exception {
        Platform server = machine(8, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0), Revision.of(0x2006e05)));
        LoadPlan plan = PLANNER.plan(server, cache(intel(SKX, 0xb7, 0x2006f05), intel(SKX, 0xb7, 0x2007006)), PlanPolicy.SAFE);
        assertThat(plan.verdicts()).hasSize(8).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(VerdictKind.UPDATE);
            assertThat(v.patch().orElseThrow().revision()).isEqualTo(Revision.of(0x2007006));
            assertThat(v.reason()).startsWith("update from revision 0x2006e05 to 0x2007006 (2024-01-01) from f@0x18");
        });
        assertThat(plan.findings()).isEmpty();
        assertThat(plan.patchesToLoad()).hasSize(1);
        assertThat(plan.loads()).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void mixedSteppingsAndRevisionsAreExplainedAndFlagged() throws Exception {
        Platform mixed = machine(6, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(cpu < 4 ? SKX : CLX),
                PlatformFlags.ofPlatformId(0), Revision.of(cpu == 3 ? 0x2007006 : 0x2006e05)));
        LoadPlan plan = PLANNER.plan(mixed, cache(intel(SKX, 0xb7, 0x2007006)), PlanPolicy.SAFE);
        assertThat(plan.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.UPDATE, VerdictKind.UPDATE,
                VerdictKind.UPDATE, VerdictKind.UP_TO_DATE, VerdictKind.NO_PATCH, VerdictKind.NO_PATCH);
        assertThat(plan.verdict(3).orElseThrow().reason()).isEqualTo("runs revision 0x2007006, the newest available");
        assertThat(plan.verdict(4).orElseThrow().reason()).isEqualTo("no patch for 0x00050657 (06-55-07) among the 1 patches loaded");
        assertThat(plan.findings()).extracting(Finding::code).containsExactly("PLAN_MIXED_SIGNATURES", "PLAN_MIXED_REVISIONS");
        assertThat(plan.findings().get(0).message()).isEqualTo("CPUs have different signatures (mixed steppings): "
                + "0x00050654 (06-55-04) on CPUs 0-3, 0x00050657 (06-55-07) on CPUs 4-5");
        assertThat(plan.findings().get(1).message()).contains("0x2006e05 on CPUs 0-2, 0x2007006 on CPUs 3");
    }

    @Test
    void aPatchForOtherPlatformsIsAPlatformMismatch() throws Exception {
        Platform server = machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(3), Revision.of(1)));
        Verdict verdict = PLANNER.plan(server, cache(intel(SKX, 0xb7, 0x2007006)), PlanPolicy.SAFE).verdicts().get(0);
        assertThat(verdict.kind()).isEqualTo(VerdictKind.PLATFORM_MISMATCH);
        assertThat(verdict.reason()).isEqualTo("patches exist for 0x00050654 (06-55-04) but not for this CPU's platform: "
                + "pf_mask 0xb7 does not include the CPU's 0x08");
    }

    @Test
    void zenCpusLoadTheSameRevisionAgainButNotAnOlderOne() throws Exception {
        Platform epyc = machine(3, cpu -> CpuState.of(Vendor.AMD, CpuSignature.of(new int[] {ZEN2, ZEN3, ZEN4}[cpu]),
                PlatformFlags.NONE, Revision.of(new int[] {0x0830107c, 0x0a0011d0, 0x0a101155}[cpu])));
        LoadPlan plan = PLANNER.plan(epyc, cache(amd(ZEN2, 0x0830107c), amd(ZEN3, 0x0a0011d5), amd(ZEN4, 0x0a101154)), PlanPolicy.SAFE);
        assertThat(plan.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.UPDATE, VerdictKind.UPDATE, VerdictKind.UP_TO_DATE);
        assertThat(plan.verdict(2).orElseThrow().reason()).isEqualTo("runs revision 0xa101155, newer than the newest available 0xa101154");
    }

    @Test
    void anUnknownDigestIsRefusedAndTheOtherSideOfTheCutoffIsChosen() throws Exception {
        MicrocodePatch beforeFix = amd(ZEN3, 0x0a0011d5);
        MicrocodePatch afterFix = amd(ZEN3, 0x0a0011d7);
        MicrocodePatch unknown = amd(ZEN4, 0x0a101156);
        Set<String> allowed = Set.of(beforeFix.sha256(), afterFix.sha256());
        FixtureDriver entrysign = new FixtureDriver(Vendor.AMD, (patch, cpu) -> {
            if (!allowed.contains(patch.sha256())) {
                return Optional.of(new LoadObjection(VerdictKind.DIGEST_UNKNOWN, "the SHA-256 of patch " + patch.revision() + " is not on the list"));
            }
            boolean cpuFixed = cpu.revision().orElseThrow().unsigned() > 0x0a0011d6L;
            boolean patchFixed = patch.revision().unsigned() > 0x0a0011d6L;
            return cpuFixed == patchFixed ? Optional.empty()
                    : Optional.of(new LoadObjection(VerdictKind.DIGEST_UNKNOWN, "patch " + patch.revision() + " is for the other side of the cutoff"));
        });
        Planner planner = new Planner(MicrocodeDrivers.of(List.of(entrysign)));
        Platform epyc = machine(2, cpu -> CpuState.of(Vendor.AMD, CpuSignature.of(cpu == 0 ? ZEN3 : ZEN4), PlatformFlags.NONE,
                Revision.of(cpu == 0 ? 0x0a0011d0 : 0x0a101148)));
        LoadPlan plan = planner.plan(epyc, cache(beforeFix, afterFix, unknown), PlanPolicy.SAFE);
        Verdict zen3 = plan.verdict(0).orElseThrow();
        assertThat(zen3.kind()).isEqualTo(VerdictKind.UPDATE);
        assertThat(zen3.patch().orElseThrow().sameBytes(beforeFix)).isTrue();
        assertThat(zen3.reason()).endsWith("(the newer revision 0xa0011d7 is not loadable: patch 0xa0011d7 is for the other side of the cutoff)");
        Verdict zen4 = plan.verdict(1).orElseThrow();
        assertThat(zen4.kind()).isEqualTo(VerdictKind.DIGEST_UNKNOWN);
        assertThat(zen4.reason()).isEqualTo("the SHA-256 of patch 0xa101156 is not on the list");
        assertThat(plan.loadsAnything()).isTrue();
    }

    @Test
    void aLateLoadObjectionHoldsUnlessThePolicyOverridesIt() throws Exception {
        Planner planner = new Planner(MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL, (p, c) ->
                Optional.of(new LoadObjection(VerdictKind.UNSAFE_LATE_LOAD, "needs revision 0x2006f05 or later to late-load; runs 0x2006e05"))))));
        Platform server = machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0), Revision.of(0x2006e05)));
        MicrocodeCache cache = cache(intel(SKX, 0xb7, 0x2007006));
        assertThat(planner.plan(server, cache, PlanPolicy.SAFE).verdicts().get(0).kind()).isEqualTo(VerdictKind.UNSAFE_LATE_LOAD);
        Verdict overridden = planner.plan(server, cache, new PlanPolicy(false, true)).verdicts().get(0);
        assertThat(overridden.kind()).isEqualTo(VerdictKind.UPDATE);
        assertThat(overridden.reason()).endsWith("; loaded despite: needs revision 0x2006f05 or later to late-load; runs 0x2006e05");
    }

    @Test
    void anObjectionToTheCpuIsNotSidesteppedByAnOlderPatch() throws Exception {
        Planner planner = new Planner(MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL, (p, c) ->
                p.revision().equals(Revision.of(0x2007006)) ? Optional.of(EARLY_ONLY) : Optional.empty()))));
        Platform server = machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0), Revision.of(0x2006e05)));

        Verdict verdict = planner.plan(server, cache(intel(SKX, 0xb7, 0x2006f05), intel(SKX, 0xb7, 0x2007006)), PlanPolicy.SAFE).verdicts().get(0);

        assertThat(verdict.kind()).isEqualTo(VerdictKind.EARLY_ONLY);
        assertThat(verdict.patch().orElseThrow().revision()).isEqualTo(Revision.of(0x2007006));
        assertThat(verdict.reason()).isEqualTo(EARLY_ONLY.reason() + "; forcing does not change this: a forced late load is still a late load");
    }

    @Test
    void anObjectionToTheCpuFromAnOlderPatchStillHolds() throws Exception {
        Planner planner = new Planner(MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL, (p, c) ->
                p.revision().equals(Revision.of(0x2006f05)) ? Optional.of(EARLY_ONLY) : Optional.empty()))));
        Platform server = machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0), Revision.of(0x2006e05)));

        Verdict verdict = planner.plan(server, cache(intel(SKX, 0xb7, 0x2006f05), intel(SKX, 0xb7, 0x2007006)), PlanPolicy.SAFE).verdicts().get(0);

        assertThat(verdict.kind()).isEqualTo(VerdictKind.EARLY_ONLY);
        assertThat(verdict.patch().orElseThrow().revision()).isEqualTo(Revision.of(0x2006f05));
    }

    @Test
    void neitherForcingNorIgnoringObjectionsOverridesAnObjectionToTheCpu() throws Exception {
        Planner planner = new Planner(MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL, (p, c) -> Optional.of(EARLY_ONLY)))));
        MicrocodeCache cache = cache(intel(SKX, 0xb7, 0x2007006));
        Platform older = machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0), Revision.of(0x2006e05)));
        Platform same = machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0), Revision.of(0x2007006)));

        for (PlanPolicy policy : List.of(new PlanPolicy(true, false), new PlanPolicy(false, true), new PlanPolicy(true, true))) {
            assertThat(planner.plan(older, cache, policy).verdicts().get(0).kind()).as("update under %s", policy).isEqualTo(VerdictKind.EARLY_ONLY);
            LoadPlan reload = planner.plan(same, cache, policy);
            assertThat(reload.verdicts().get(0).kind()).as("reload under %s", policy).isEqualTo(policy.force() ? VerdictKind.EARLY_ONLY : VerdictKind.UP_TO_DATE);
            assertThat(reload.loadsAnything()).isFalse();
        }
    }

    @Test
    void aForcedReloadIsCheckedOnlyForObjectionsToTheCpu() throws Exception {
        Planner planner = new Planner(MicrocodeDrivers.of(List.of(new FixtureDriver(Vendor.INTEL, (p, c) ->
                Optional.of(new LoadObjection(VerdictKind.UNSAFE_LATE_LOAD, "needs a newer running revision"))))));
        Platform same = machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0), Revision.of(0x2007006)));

        Verdict verdict = planner.plan(same, cache(intel(SKX, 0xb7, 0x2007006)), new PlanPolicy(true, false)).verdicts().get(0);

        assertThat(verdict.kind()).isEqualTo(VerdictKind.FORCED);
    }

    @Test
    void unknownFactsAreSaidNotGuessed() throws Exception {
        Platform vm = machine(2, cpu -> cpu == 0
                ? new CpuState(Optional.of(Vendor.INTEL), Optional.of(CpuSignature.of(SKX)), Optional.of(PlatformFlags.ofPlatformId(0)), Optional.empty())
                : new CpuState(Optional.of(Vendor.INTEL), Optional.empty(), Optional.empty(), Optional.empty()));
        LoadPlan plan = PLANNER.plan(vm, cache(intel(SKX, 0xb7, 0x2007006)), PlanPolicy.SAFE);
        assertThat(plan.verdict(0).orElseThrow().kind()).isEqualTo(VerdictKind.REVISION_UNKNOWN);
        assertThat(plan.verdict(0).orElseThrow().reason()).contains("the running revision could not be read");
        assertThat(plan.verdict(1).orElseThrow().kind()).isEqualTo(VerdictKind.CPU_UNKNOWN);
        assertThat(plan.verdict(1).orElseThrow().reason()).isEqualTo("the CPU's signature could not be read (unknown)");
        assertThat(plan.loadsAnything()).isFalse();
    }

    @Test
    void forceReloadsAndAPartialPlanIsFlagged() throws Exception {
        Platform server = machine(2, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0),
                Revision.of(cpu == 0 ? 0x2007006 : 0x2006e05)));
        MicrocodeCache cache = cache(intel(SKX, 0xb7, 0x2006f05));
        LoadPlan safe = PLANNER.plan(server, cache, PlanPolicy.SAFE);
        assertThat(safe.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.UP_TO_DATE, VerdictKind.UPDATE);
        assertThat(safe.findings()).extracting(Finding::code).contains("PLAN_DIVERGENT_OUTCOME");
        LoadPlan forced = PLANNER.plan(server, cache, new PlanPolicy(true, false));
        assertThat(forced.verdicts()).extracting(Verdict::kind).containsExactly(VerdictKind.FORCED, VerdictKind.UPDATE);
        assertThat(forced.verdict(0).orElseThrow().reason()).startsWith("forced: reload revision 0x2006f05 over the running 0x2007006");
    }

    @Test
    void thePlannedPatchAlwaysMatchesAndIsTheNewestLoadable() {
        Generator<List<MicrocodePatch>> patches = random -> {
            List<MicrocodePatch> list = new ArrayList<>();
            int count = random.nextInt(0, 10);
            for (int i = 0; i < count; i++) {
                list.add(intel(SKX + random.nextInt(0, 2), random.nextInt(0, 256), random.nextInt(1, 40) * 7 + i));
            }
            return list;
        };
        FixtureDriver intel = new FixtureDriver(Vendor.INTEL);
        Properties.forAll("planned patches match and are the newest", patches, list -> {
            Platform machine = machine(4, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX + cpu % 2),
                    PlatformFlags.ofPlatformId(cpu), Revision.of(cpu * 50)));
            MicrocodeCache.Builder builder = MicrocodeCache.builder().strict(false);
            list.forEach(p -> builder.add(bundle("f", p)));
            LoadPlan plan = PLANNER.plan(machine, builder.build(), PlanPolicy.SAFE);
            for (Verdict verdict : plan.verdicts()) {
                CpuState state = machine.cpu(verdict.cpu()).orElseThrow().state();
                Optional<Revision> newestLoadable = list.stream()
                        .filter(p -> intel.match(p, state).matches())
                        .map(MicrocodePatch::revision)
                        .filter(r -> r.isNewerThan(state.revision().orElseThrow()))
                        .max(Revision::compareTo);
                assertThat(verdict.kind().loads()).isEqualTo(newestLoadable.isPresent());
                if (verdict.kind().loads()) {
                    assertThat(intel.match(verdict.patch().orElseThrow(), state).matches()).isTrue();
                    assertThat(verdict.patch().orElseThrow().revision()).isEqualTo(newestLoadable.get());
                }
            }
        });
    }

    @Test
    void eachGroupOfCpusWithOneVerdictIsLoggedOnceWithItsReason() throws Exception {
        Platform mixed = machine(6, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(cpu < 4 ? SKX : CLX),
                PlatformFlags.ofPlatformId(0), Revision.of(cpu == 3 ? 0x2007006 : 0x2006e05)));
        try (LogCapture log = LogCapture.of(Planner.class)) {
            PLANNER.plan(mixed, cache(intel(SKX, 0xb7, 0x2007006)), PlanPolicy.SAFE);

            PLANNER.plan(machine(1, cpu -> CpuState.of(Vendor.INTEL, CpuSignature.of(SKX), PlatformFlags.ofPlatformId(0),
                    Revision.of(0x2007006))), cache(intel(SKX, 0xb7, 0x2007006)), new PlanPolicy(true, true));

            assertThat(log.lines()).containsExactly(
                    "DEBUG planned 6 CPUs read by the test backend from 1 patches",
                    "DEBUG CPUs 0-2: UPDATE: update from revision 0x2006e05 to 0x2007006 (2024-01-01) from f@0x0",
                    "DEBUG CPUs 3: UP_TO_DATE: runs revision 0x2007006, the newest available",
                    "DEBUG CPUs 4-5: NO_PATCH: no patch for 0x00050657 (06-55-07) among the 1 patches loaded",
                    "DEBUG planned 1 CPUs read by the test backend from 1 patches, forced, late-load objections ignored",
                    "DEBUG CPUs 0: FORCED: forced: reload revision 0x2007006 over the running 0x2007006 (f@0x0)");
        }
    }

    private static MicrocodeCache cache(MicrocodePatch... patches) throws MicrocodeFormatException {
        return MicrocodeCache.builder().add(bundle("f", patches)).build();
    }

    private static Platform machine(int cpus, IntFunction<CpuState> state) {
        List<PlatformCpu> list = new ArrayList<>();
        for (int i = 0; i < cpus; i++) {
            list.add(new PlatformCpu(LogicalCpu.alone(i, i, 0), state.apply(i), Map.of(Fact.REVISION, "test")));
        }
        return new Platform("test", list, Optional.of(false), List.of());
    }
}
