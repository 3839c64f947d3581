package io.github.ucode4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.ThreadPinning;
import io.github.ucode4j.rendezvous.RendezvousOptions.Spinning;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.simulated.Topology;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class PinnedRigTest {
    /** Records which host CPUs threads asked for, without pinning anything. */
    private static final class RecordingPinning implements ThreadPinning {
        final Set<Integer> requested = ConcurrentHashMap.newKeySet();

        @Override
        public void pinCurrentThread(int cpu) {
            requested.add(cpu);
        }

        @Override
        public int currentCpu() {
            return -1;
        }
    }

    private final RecordingPinning pinning = new RecordingPinning();
    private final PinnedHost host = new PinnedHost(pinning, List.of(4, 6));

    @Test
    void everyRunUpdatesEveryCpuAndItsAppliesFitInTheWindow() {
        try (PinnedRig rig = new PinnedRig(host, Spinning.YIELDING)) {
            for (int run = 0; run < 3; run++) {
                Subject.Sample sample = rig.runOnce();
                assertThat(sample.complete()).isTrue();
                assertThat(sample.reachedWindow()).isTrue();
                assertThat(sample.applyNanos()).isPositive();
                assertThat(sample.handoverNanos()).isNotNegative();
            }
        }
    }

    @Test
    void eachSimulatedCpuIsPinnedToItsHostCpu() {
        try (PinnedRig rig = new PinnedRig(host, Spinning.YIELDING)) {
            rig.runOnce();
        }
        assertThat(pinning.requested).containsExactlyInAnyOrder(4, 6);
    }

    @Test
    void aBackendNeedsOneHostCpuPerSimulatedCpu() {
        SimulatedMachine machine = SimulatedMachine.builder(Vendor.INTEL, new Topology(1, 3, 1)).build();
        assertThatThrownBy(() -> new PinnedBackend(new SimulatedBackend(machine), host))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
