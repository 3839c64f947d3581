package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.fixtures.FixtureBackends;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every backend does alike, written once: refusing to load where it cannot run, adding a note to a probe. */
class BackendScaffoldingTest {

    @Test
    void aBackendThatCannotRunHereRefusesToLoadNamingItselfAndItsReason() {
        assertThatThrownBy(() -> new FixtureBackends.Preferred().requireAvailable())
                .isInstanceOf(ApplyException.class)
                .hasMessage("the preferred backend cannot run here: needs the preferred device");
        assertThatCode(() -> new FixtureBackends.Fallback().requireAvailable()).doesNotThrowAnyException();
    }

    @Test
    void aNoteIsAddedAfterTheProbesOwnAndNothingElseChanges() {
        PlatformCpu cpu = new PlatformCpu(LogicalCpu.alone(0, 0, 0), CpuState.UNKNOWN, Map.of());
        Platform probed = new Platform("msr", List.of(cpu), Optional.of(false), List.of("CPU 0: no revision"));

        Platform noted = probed.withNote("a load taints the kernel");

        assertThat(noted).isEqualTo(new Platform("msr", List.of(cpu), Optional.of(false),
                List.of("CPU 0: no revision", "a load taints the kernel")));
    }
}
