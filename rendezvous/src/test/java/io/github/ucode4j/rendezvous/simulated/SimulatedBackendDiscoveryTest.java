package io.github.ucode4j.rendezvous.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.ApplyBackend;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The backend as ServiceLoader builds it: found, never chosen on its own, and shaped by system properties. */
class SimulatedBackendDiscoveryTest {

    @Test
    void discoveryFindsItButNeverPicksItAutomatically() {
        ApplyBackends backends = ApplyBackends.load();

        assertThat(backends.named("simulated")).get().extracting(ApplyBackend::autoSelectable).isEqualTo(false);
    }

    @Test
    void theDefaultMachineIsASmallIntelOneWhoseDriverIsFoundOnTheClassPath() {
        SimulatedBackend backend = new SimulatedBackend(MachineProperties.machine(new Properties()));

        SimulatedMachine machine = backend.machine();
        assertThat(machine.vendor()).isEqualTo(Vendor.INTEL);
        assertThat(machine.topology()).isEqualTo(new Topology(1, 2, 2));
        assertThat(machine.state(3).signature()).contains(CpuSignature.of(0x000906ea));
        assertThat(machine.state(3).platformFlags()).contains(PlatformFlags.of(0x02));
        assertThat(backend.unavailableReason()).isEmpty(); // the test FixtureDriver is registered for both vendors
    }

    @Test
    void propertiesDescribeTheMachineAndItsFaults() {
        Properties properties = new Properties();
        properties.setProperty("ucode4j.simulated.vendor", "amd");
        properties.setProperty("ucode4j.simulated.topology", "2x3x1");
        properties.setProperty("ucode4j.simulated.revision", "0x0a201016");
        properties.setProperty("ucode4j.simulated.seed", "42");
        properties.setProperty("ucode4j.simulated.faults", "1:refuses, 4:slow-call-in:250");

        SimulatedMachine machine = MachineProperties.machine(properties);

        assertThat(machine.vendor()).isEqualTo(Vendor.AMD);
        assertThat(machine.cpus()).hasSize(6);
        assertThat(machine.revision(5)).isEqualTo(Revision.of(0x0a201016));
        assertThat(machine.seed()).isEqualTo(42);
        assertThat(machine.fault(1)).contains(Fault.refuses());
        assertThat(machine.fault(4)).get().extracting(Fault::delay).isEqualTo(java.time.Duration.ofMillis(250));
    }

    @Test
    void anUnreadablePropertyIsNamed() {
        Properties properties = new Properties();
        properties.setProperty("ucode4j.simulated.faults", "3:melts");

        assertThatThrownBy(() -> MachineProperties.machine(properties)).hasMessageContaining("3:melts")
                .hasMessageContaining("refuses");
        properties.setProperty("ucode4j.simulated.faults", "");
        properties.setProperty("ucode4j.simulated.topology", "big");
        assertThatThrownBy(() -> MachineProperties.machine(properties)).hasMessageContaining("ucode4j.simulated.topology=big");
    }
}
