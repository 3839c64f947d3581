package io.github.ucode4j.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.rendezvous.LoadRoles.Role;
import io.github.ucode4j.rendezvous.simulated.Topology;
import io.github.ucode4j.rendezvous.testing.Machines;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadRolesTest {
    // On 1x2x2, CPUs 0 and 2 share core 0, CPUs 1 and 3 core 1.
    private static final List<LogicalCpu> CPUS = new Topology(1, 2, 2).cpus();

    @Test
    void perCoreThePrimaryLoadsAndItsSiblingFollows() {
        MicrocodePatch patch = patch(Vendor.INTEL, 2);
        LoadRoles roles = LoadRoles.assign(request(Machines.protocol(Vendor.INTEL), cpu -> LoadAssignment.load(CPUS.get(cpu), patch)), true);

        assertThat(IntStream.range(0, 4).mapToObj(roles::role))
                .containsExactly(Role.CONTROL, Role.LOADER, Role.FOLLOWER, Role.FOLLOWER);
        assertThat(roles.loaderOf(2)).isEqualTo(0);
        assertThat(roles.loaderOf(3)).isEqualTo(1);
        assertThat(roles.target(3)).contains(patch);
    }

    @Test
    void perCoreASiblingsPatchIsLoadedByItsPrimary() {
        MicrocodePatch patch = patch(Vendor.INTEL, 2);
        LoadRoles roles = LoadRoles.assign(request(Machines.protocol(Vendor.INTEL),
                cpu -> cpu == 3 ? LoadAssignment.load(CPUS.get(cpu), patch) : LoadAssignment.holdOnly(CPUS.get(cpu))), true);

        assertThat(IntStream.range(0, 4).mapToObj(roles::role))
                .containsExactly(Role.FOLLOWER, Role.CONTROL, Role.FOLLOWER, Role.FOLLOWER);
        assertThat(roles.target(1)).contains(patch);
        assertThat(roles.loaderOf(0)).isEqualTo(LoadRoles.NONE);
    }

    @Test
    void perThreadEveryCpuWithAPatchLoads() {
        MicrocodePatch patch = patch(Vendor.AMD, 2);
        LoadRoles roles = LoadRoles.assign(request(Machines.protocol(Vendor.AMD),
                cpu -> cpu == 0 ? LoadAssignment.holdOnly(CPUS.get(cpu)) : LoadAssignment.load(CPUS.get(cpu), patch)), true);

        assertThat(IntStream.range(0, 4).mapToObj(roles::role))
                .containsExactly(Role.FOLLOWER, Role.CONTROL, Role.LOADER, Role.LOADER);
        assertThat(roles.loaderCount()).isEqualTo(3);
    }

    @Test
    void withoutTheControlStepThereIsNoControlCpu() {
        MicrocodePatch patch = patch(Vendor.AMD, 2);
        LoadRoles roles = LoadRoles.assign(request(Machines.protocol(Vendor.AMD), cpu -> LoadAssignment.load(CPUS.get(cpu), patch)), false);

        assertThat(roles.controlSlot()).isEqualTo(LoadRoles.NONE);
        assertThat(IntStream.range(0, 4).mapToObj(roles::role)).containsOnly(Role.LOADER);
    }

    @Test
    void threadsOfOneCoreMustNotAskForDifferentPatches() {
        RendezvousRequest request = request(Machines.protocol(Vendor.INTEL),
                cpu -> LoadAssignment.load(CPUS.get(cpu), patch(Vendor.INTEL, cpu < 2 ? 2 : 3)));

        assertThatThrownBy(() -> LoadRoles.assign(request, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share one microcode engine");
    }

    @Test
    void aRequestRejectsDuplicatesAnotherVendorsPatchesAndEmptiness() {
        assertThatThrownBy(() -> new RendezvousRequest(Machines.protocol(Vendor.INTEL), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RendezvousRequest(Machines.protocol(Vendor.INTEL),
                List.of(LoadAssignment.holdOnly(CPUS.get(0)), LoadAssignment.holdOnly(CPUS.get(0)))))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new RendezvousRequest(Machines.protocol(Vendor.INTEL), List.of(LoadAssignment.load(CPUS.get(0), patch(Vendor.AMD, 2)))))
                .hasMessageContaining("AMD patch");
    }

    @Test
    void optionsHaveDocumentedDefaultsAndRejectNonPositiveTimeouts() {
        assertThat(RendezvousOptions.DEFAULTS.callInTimeout()).hasSeconds(1);
        assertThat(RendezvousOptions.DEFAULTS.progressTimeout()).hasSeconds(1);
        assertThat(RendezvousOptions.DEFAULTS.controlFirst()).isTrue();
        assertThatThrownBy(() -> RendezvousOptions.DEFAULTS.withCallInTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RendezvousOptions.Spinning.YIELDING.yields(1)).isTrue();
        assertThat(RendezvousOptions.Spinning.PURE.yields(10_000)).isFalse();
        assertThat(RendezvousOptions.Spinning.AUTO.yields(10_000)).isTrue();
    }

    private static RendezvousRequest request(LoadProtocol protocol, IntFunction<LoadAssignment> assignment) {
        return new RendezvousRequest(protocol, IntStream.range(0, CPUS.size()).mapToObj(assignment).toList());
    }

    private static MicrocodePatch patch(Vendor vendor, int revision) {
        return FixtureDriver.patch(vendor, CpuSignature.of(0x906ea), PlatformFlags.of(2), Revision.of(revision));
    }
}
