package io.github.ucode4j.rendezvous.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.rendezvous.testing.Machines;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated machine on its own, driven from the test thread (pinned to one CPU at a time). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SimulatedMachineTest {
    private static final Revision OLD = Revision.of(0x10);

    @Test
    void topologyNumbersCpusAsLinuxDoesFirstThreadsFirst() {
        Topology topology = Topology.parse("2x2x2");

        assertThat(topology.cpuCount()).isEqualTo(8);
        assertThat(topology.cpus().get(0).smtSiblings()).containsExactly(0, 4);
        assertThat(topology.cpus().get(3)).satisfies(cpu -> {
            assertThat(cpu.packageId()).isEqualTo(1);
            assertThat(cpu.core()).isEqualTo(1);
            assertThat(cpu.smtSiblings()).containsExactly(3, 7);
        });
        assertThat(topology.cpus().get(6).isPrimaryThread()).isFalse();
        assertThatThrownBy(() -> Topology.parse("2x2")).hasMessageContaining("1x2x2");
        assertThatThrownBy(() -> Topology.parse("0x1x1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intelTakesOnlyANewerPatchAndSiblingsShareTheEngine() throws ApplyException {
        try (SimulatedBackend backend = backend(Vendor.INTEL, "1x1x2")) {
            assertThat(load(backend, 0, OLD).outcome()).isEqualTo(CpuOutcome.UP_TO_DATE);
            assertThat(load(backend, 0, Revision.of(0xf)).outcome()).isEqualTo(CpuOutcome.UP_TO_DATE);
            CpuResult newer = load(backend, 0, Revision.of(0x11));

            assertThat(newer.outcome()).isEqualTo(CpuOutcome.UPDATED);
            assertThat(newer.before()).contains(OLD);
            assertThat(newer.after()).contains(Revision.of(0x11));
            assertThat(backend.machine().revision(1)).isEqualTo(Revision.of(0x11));
        }
    }

    @Test
    void amdReloadsTheSameRevisionAsAnUpdateAsTheMsrBackendSaysAndEachThreadHasItsOwnEngine() throws ApplyException {
        try (SimulatedBackend backend = backend(Vendor.AMD, "1x1x2")) {
            CpuResult same = load(backend, 0, OLD);

            assertThat(same.outcome()).isEqualTo(CpuOutcome.UPDATED);
            assertThat(same.message()).contains("reloaded revision 0x10, the revision it already ran");
            assertThat(backend.machine().applyLog()).singleElement().extracting(ApplyRecord::triggered).isEqualTo(true);
            assertThat(load(backend, 0, Revision.of(0x11)).outcome()).isEqualTo(CpuOutcome.UPDATED);
            assertThat(backend.machine().revision(1)).isEqualTo(OLD);
        }
    }

    @Test
    void aPatchForAnotherPlatformOrWithBrokenBytesIsRefused() throws ApplyException {
        try (SimulatedBackend backend = backend(Vendor.INTEL, "1x1x1")) {
            var state = backend.machine().state(0);
            MicrocodePatch otherPlatform = FixtureDriver.patch(Vendor.INTEL, state.signature().orElseThrow(), PlatformFlags.of(0x80),
                    Revision.of(0x11));
            byte[] bytes = FixtureDriver.bytes(state.signature().orElseThrow(), state.platformFlags().orElseThrow(), Revision.of(0x12));
            bytes[19] ^= 1;
            MicrocodePatch broken = new MicrocodePatch(Vendor.INTEL, Revision.of(0x12), otherPlatform.date(),
                    otherPlatform.targets(), otherPlatform.minimumRevision(), ByteBuffer.wrap(bytes), otherPlatform.origin(),
                    otherPlatform.details());

            backend.pinCurrentThread(backend.machine().cpu(0));
            assertThat(backend.apply(backend.machine().cpu(0), otherPlatform, Machines.protocol(Vendor.INTEL)).message()).contains("PLATFORM_MISMATCH");
            assertThat(backend.apply(backend.machine().cpu(0), broken, Machines.protocol(Vendor.INTEL)).message()).contains("checksum");
            assertThat(backend.machine().revision(0)).isEqualTo(OLD);
        }
    }

    @Test
    void loadsAndReadsRequireTheThreadPinnedToTheCpu() throws ApplyException {
        try (SimulatedBackend backend = backend(Vendor.AMD, "1x2x1")) {
            backend.pinCurrentThread(backend.machine().cpu(0));

            assertThatThrownBy(() -> backend.readRevision(backend.machine().cpu(1), Machines.protocol(Vendor.AMD)))
                    .isInstanceOf(ApplyException.class).hasMessageContaining("not pinned to CPU 1");
            CpuResult wrongThread = backend.apply(backend.machine().cpu(1),
                    Machines.patchFor(backend.machine(), 1, Revision.of(0x11)), Machines.protocol(Vendor.AMD));
            assertThat(wrongThread.outcome()).isEqualTo(CpuOutcome.FAILED);
        }
    }

    @Test
    void thePlatformIsLabelledSimulated() {
        try (SimulatedBackend backend = backend(Vendor.INTEL, "1x2x2")) {
            Platform platform = backend.platform();

            assertThat(platform.backend()).isEqualTo("simulated");
            assertThat(platform.cpus()).hasSize(4).allSatisfy(cpu -> {
                assertThat(cpu.sourceOf(Fact.REVISION)).isEqualTo("simulated");
                assertThat(cpu.state().revision()).contains(OLD);
            });
            assertThat(platform.vendors()).containsExactly(Vendor.INTEL);
            assertThat(backend.autoSelectable()).isFalse();
            assertThat(backend.unavailableReason()).isEmpty();
        }
    }

    @Test
    void latenciesReplayFromTheSeed() {
        assertThat(latencies(7)).isEqualTo(latencies(7)).isNotEqualTo(latencies(8));
    }

    private static List<Long> latencies(long seed) {
        SimulatedMachine machine = Machines.machine(Vendor.AMD, "1x2x1").seed(seed)
                .latency(new ApplyLatency(Duration.ZERO, Duration.ofMillis(1))).build();
        return List.of(machine.nextLatencyNanos(0), machine.nextLatencyNanos(1), machine.nextLatencyNanos(0));
    }

    private static SimulatedBackend backend(Vendor vendor, String topology) {
        return new SimulatedBackend(Machines.machine(vendor, topology).revision(OLD).build());
    }

    private static CpuResult load(SimulatedBackend backend, int cpu, Revision revision) throws ApplyException {
        backend.pinCurrentThread(backend.machine().cpu(cpu));
        return backend.apply(backend.machine().cpu(cpu), Machines.patchFor(backend.machine(), cpu, revision),
                Machines.protocol(backend.machine().vendor()));
    }
}
