package io.github.ucode4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.LoadProtocol.LoadUnit;
import io.github.ucode4j.bench.RendezvousModel.Machine;
import io.github.ucode4j.bench.RendezvousModel.Order;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class RendezvousModelTest {
    private static final Duration MS = Duration.ofMillis(1);
    private static final Duration SYNC = micros(10);
    private static final Duration LOAD_AND_SYNC = MS.plus(SYNC);
    private static final Machine INTEL_128X2 = new Machine(128, 2, LoadUnit.PER_CORE);
    private static final Machine AMD_128X2 = new Machine(128, 2, LoadUnit.PER_THREAD);

    private final RendezvousModel exact = new RendezvousModel(MS, Duration.ZERO, SYNC, 1);

    @Test
    void serialLoadsOneCoreAfterAnotherUnderAPerCoreProtocol() {
        assertThat(exact.window(INTEL_128X2, Order.SERIAL)).isEqualTo(LOAD_AND_SYNC.multipliedBy(128));
    }

    @Test
    void serialLoadsEveryThreadUnderAPerThreadProtocol() {
        assertThat(exact.window(AMD_128X2, Order.SERIAL)).isEqualTo(LOAD_AND_SYNC.multipliedBy(256));
    }

    @Test
    void controlFirstTakesTwoStepsWhateverTheSize() {
        assertThat(exact.window(INTEL_128X2, Order.CONTROL_FIRST)).isEqualTo(LOAD_AND_SYNC.multipliedBy(2));
        assertThat(exact.window(AMD_128X2, Order.CONTROL_FIRST)).isEqualTo(LOAD_AND_SYNC.multipliedBy(2));
    }

    @Test
    void allParallelTakesOneStep() {
        assertThat(exact.window(INTEL_128X2, Order.ALL_PARALLEL)).isEqualTo(LOAD_AND_SYNC);
        assertThat(exact.window(AMD_128X2, Order.ALL_PARALLEL)).isEqualTo(LOAD_AND_SYNC);
    }

    @Test
    void aSingleLoadIsOneStepInEveryOrder() {
        Machine single = new Machine(1, 1, LoadUnit.PER_CORE);
        for (Order order : Order.values()) {
            assertThat(exact.window(single, order)).as(order.name()).isEqualTo(LOAD_AND_SYNC);
        }
    }

    @Test
    void siblingsDoNotLoadUnderAPerCoreProtocol() {
        Machine oneCoreTwoThreads = new Machine(1, 2, LoadUnit.PER_CORE);
        assertThat(oneCoreTwoThreads.loads()).isEqualTo(1);
        assertThat(exact.window(oneCoreTwoThreads, Order.SERIAL)).isEqualTo(LOAD_AND_SYNC);
    }

    @Test
    void jitterStaysWithinItsBoundsAndKeepsTheOrdersInOrder() {
        Duration jitter = micros(50);
        RendezvousModel jittery = new RendezvousModel(MS, jitter, SYNC, 7);
        Duration longest = MS.plus(jitter).plus(SYNC);
        for (Machine machine : new Machine[] {INTEL_128X2, AMD_128X2, new Machine(3, 2, LoadUnit.PER_CORE)}) {
            Duration serial = jittery.window(machine, Order.SERIAL);
            Duration controlFirst = jittery.window(machine, Order.CONTROL_FIRST);
            Duration allParallel = jittery.window(machine, Order.ALL_PARALLEL);
            assertThat(allParallel).isBetween(MS.minus(jitter).plus(SYNC), longest);
            assertThat(controlFirst).isBetween(allParallel, longest.multipliedBy(2));
            assertThat(serial).isBetween(controlFirst, longest.multipliedBy(machine.loads()));
        }
    }

    @Test
    void aSeedReplaysAndEveryOrderSeesTheSameLatencies() {
        Duration jitter = micros(100);
        RendezvousModel first = new RendezvousModel(MS, jitter, SYNC, 42);
        RendezvousModel again = new RendezvousModel(MS, jitter, SYNC, 42);
        Machine twoLoads = new Machine(2, 1, LoadUnit.PER_CORE);
        assertThat(first.window(INTEL_128X2, Order.CONTROL_FIRST)).isEqualTo(again.window(INTEL_128X2, Order.CONTROL_FIRST));
        // With two loads, serial and control-first both add the same two latencies.
        assertThat(first.window(twoLoads, Order.SERIAL)).isEqualTo(first.window(twoLoads, Order.CONTROL_FIRST));
    }

    @Test
    void theSyncBudgetIsWhatTheGoalLeavesPerStep() {
        assertThat(exact.syncBudget(INTEL_128X2, Order.CONTROL_FIRST, micros(2100))).isEqualTo(micros(50));
        assertThat(exact.syncBudget(INTEL_128X2, Order.ALL_PARALLEL, micros(1100))).isEqualTo(micros(100));
        assertThat(exact.syncBudget(INTEL_128X2, Order.ALL_PARALLEL, micros(900))).isNegative();
    }

    private static Duration micros(long value) {
        return Duration.of(value, ChronoUnit.MICROS);
    }

    @Test
    void rejectsImpossibleParameters() {
        assertThatThrownBy(() -> new RendezvousModel(MS, MS.plusNanos(1), SYNC, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RendezvousModel(MS, Duration.ZERO, SYNC.negated(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Machine(0, 2, LoadUnit.PER_CORE)).isInstanceOf(IllegalArgumentException.class);
    }
}
