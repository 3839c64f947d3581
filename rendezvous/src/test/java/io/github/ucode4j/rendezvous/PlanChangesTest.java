package io.github.ucode4j.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.PlanPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** What differs between the plan a person confirmed and the plan made again under the lock, in words. */
class PlanChangesTest {
    private static final CpuSignature SIGNATURE = CpuSignature.of(0x000906ea);
    private static final PlatformFlags FLAGS = PlatformFlags.of(0x02);
    private static final Revision RUNNING = Revision.of(0x2006b06);
    private static final CpuState STATE = CpuState.of(Vendor.INTEL, SIGNATURE, FLAGS, RUNNING);
    private static final MicrocodePatch PATCH = patch(Revision.of(0x2007006));

    @Test
    void theSameMachineAndPatchesChangeNothing() {
        assertThat(PlanChanges.between(plan(4), plan(4))).isEmpty();
    }

    @Test
    void aPatchReadAgainWithTheSameBytesFromAnotherFileChangesNothing() {
        MicrocodePatch moved = new MicrocodePatch(PATCH.vendor(), PATCH.revision(), PATCH.date(), PATCH.targets(),
                PATCH.minimumRevision(), PATCH.bytes(), new PatchOrigin("renamed", 0), Map::of);

        assertThat(PlanChanges.between(plan(1), plan(1, cpu -> STATE, moved))).isEmpty();
    }

    @Test
    void aRevisionThatMovedIsNamedWithBoth() {
        List<String> changes = PlanChanges.between(plan(4),
                plan(4, cpu -> cpu == 3 ? STATE.withRevision(Revision.of(0x2006e05)) : STATE, PATCH));

        assertThat(changes).containsExactly("CPU 3 now runs 0x2006e05, the plan saw 0x2006b06");
    }

    @Test
    void signaturesFlagsAndUnknownRevisionsAreNamed() {
        List<String> changes = PlanChanges.between(plan(3), plan(3, cpu -> switch (cpu) {
            case 0 -> CpuState.of(Vendor.INTEL, CpuSignature.of(0x000906eb), FLAGS, RUNNING);
            case 1 -> CpuState.of(Vendor.INTEL, SIGNATURE, PlatformFlags.of(0x01), RUNNING);
            default -> new CpuState(Optional.of(Vendor.INTEL), Optional.of(SIGNATURE), Optional.of(FLAGS), Optional.empty());
        }, PATCH));

        assertThat(changes).containsExactly(
                "CPU 0 now reports signature 0x000906eb (06-9e-0b), the plan saw 0x000906ea (06-9e-0a)",
                "CPU 1 now reports platform flags 0x01, the plan saw 0x02",
                "CPU 2's revision can no longer be read, the plan saw 0x2006b06");
    }

    @Test
    void cpusThatWentOfflineOrCameOnlineAreNamed() {
        assertThat(PlanChanges.between(plan(4), plan(3))).containsExactly("CPU 3 went offline");
        assertThat(PlanChanges.between(plan(3), plan(4))).containsExactly("CPU 3 came online");
    }

    @Test
    void aCpuThatMovedInTheTopologyIsNamed() {
        LoadPlan confirmed = plan(1);
        PlatformCpu withSibling = new PlatformCpu(new LogicalCpu(0, 0, 0, List.of(0, 1)), STATE, Map.of());
        LoadPlan now = new LoadPlan(new Platform("test", List.of(withSibling), Optional.of(false), List.of()),
                confirmed.verdicts(), List.of(), PlanPolicy.SAFE);

        assertThat(PlanChanges.between(confirmed, now)).containsExactly("CPU 0 now sits at core 0 of package 0 with SMT "
                + "siblings [0, 1], the plan saw core 0 of package 0 with SMT siblings [0]");
    }

    @Test
    void anotherPatchForTheSameMachineIsNamed() {
        MicrocodePatch newer = patch(Revision.of(0x2007108));

        assertThat(PlanChanges.between(plan(1), plan(1, cpu -> STATE, newer))).singleElement().asString()
                .startsWith("CPU 0 would now get UPDATE to INTEL rev 0x2007108")
                .contains(", the plan chose UPDATE to INTEL rev 0x2007006");
    }

    @Test
    void thePlannedPatchWithOtherBytesIsNamed() {
        byte[] bytes = FixtureDriver.bytes(SIGNATURE, FLAGS, PATCH.revision());
        bytes[0] ^= 1;
        MicrocodePatch rebuilt = new MicrocodePatch(PATCH.vendor(), PATCH.revision(), PATCH.date(), PATCH.targets(),
                PATCH.minimumRevision(), ByteBuffer.wrap(bytes), PATCH.origin(), Map::of);

        assertThat(PlanChanges.between(plan(1), plan(1, cpu -> STATE, rebuilt))).containsExactly(
                "CPU 0 would now get UPDATE to " + PATCH + " with other bytes than the plan's");
    }

    // Every CPU its own core, running RUNNING, planned to load PATCH.
    private static LoadPlan plan(int cpus) {
        return plan(cpus, cpu -> STATE, PATCH);
    }

    private static LoadPlan plan(int cpus, IntFunction<CpuState> stateOf, MicrocodePatch patch) {
        List<PlatformCpu> platformCpus = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (int cpu = 0; cpu < cpus; cpu++) {
            platformCpus.add(new PlatformCpu(LogicalCpu.alone(cpu, cpu, 0), stateOf.apply(cpu), Map.of()));
            verdicts.add(new Verdict(cpu, VerdictKind.UPDATE, Optional.of(patch), "update"));
        }
        return new LoadPlan(new Platform("test", platformCpus, Optional.of(false), List.of()), verdicts, List.of(), PlanPolicy.SAFE);
    }

    private static MicrocodePatch patch(Revision revision) {
        return FixtureDriver.patch(Vendor.INTEL, SIGNATURE, FLAGS, revision);
    }
}
