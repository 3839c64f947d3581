package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.github.ucode4j.api.fixtures.FixtureBackends;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.api.spi.Scope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @AfterEach
    void clearOverride() {
        System.clearProperty(ApplyBackends.PROPERTY);
    }

    @Test
    void findsEveryWorkingProviderAndReportsTheBrokenOnes() {
        ApplyBackends backends = ApplyBackends.load();
        assertThat(backends.all()).extracting(ApplyBackend::name)
                .containsExactly("only-when-named", "preferred", "fallback");
        assertThat(backends.problems()).hasSize(2);
        assertThat(backends.problems()).anySatisfy(p -> assertThat(p.message()).contains("broken on purpose"));
        assertThat(backends.problems()).anySatisfy(p -> assertThat(p.message()).contains("DoesNotExist"));
        assertThat(backends.all()).allSatisfy(b -> assertThat(b.scope()).isEqualTo(Scope.SYSTEM));
    }

    @Test
    void picksTheAvailableAutoSelectableBackendOfHighestPriority() throws Exception {
        assertThat(ApplyBackends.load().select().name()).isEqualTo("fallback");
    }

    @Test
    void theSystemPropertyNamesTheBackend() throws Exception {
        System.setProperty(ApplyBackends.PROPERTY, "only-when-named");
        assertThat(ApplyBackends.load().select().name()).isEqualTo("only-when-named");
    }

    @Test
    void anExplicitChoiceMustBeAvailable() {
        assertThatThrownBy(() -> ApplyBackends.load().select(Optional.of("preferred")))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("backend 'preferred' cannot run here: needs the preferred device");
    }

    @Test
    void anUnknownNameListsEveryBackendWithItsReason() {
        System.setProperty(ApplyBackends.PROPERTY, "xen");
        assertThatThrownBy(() -> ApplyBackends.load().select())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("no backend called 'xen'")
                .hasMessageContaining("preferred: needs the preferred device")
                .hasMessageContaining("fallback: available")
                .hasMessageContaining("only-when-named: available (used only when named)")
                .hasMessageContaining("broken on purpose")
                .extracting(e -> ((BackendUnavailableException) e).reasons(), MAP)
                .containsKeys("preferred", "fallback", "only-when-named");
    }

    @Test
    void nothingAvailableListsTheReasons() {
        ApplyBackends onlyUnavailable = ApplyBackends.of(List.of(new FixtureBackends.Preferred(),
                new FixtureBackends.OnlyWhenNamed()));
        assertThatThrownBy(onlyUnavailable::select)
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageStartingWith("no apply backend can run here")
                .hasMessageContaining("preferred: needs the preferred device");
        assertThatThrownBy(() -> ApplyBackends.of(List.of()).select())
                .hasMessageStartingWith("no apply backend is installed");
    }

    @Test
    void readingTheMachineNeedsNoBackendThatCanApply() throws Exception {
        ApplyBackends backends = ApplyBackends.of(List.of(new FixtureBackends.Preferred(), new FixtureBackends.OnlyWhenNamed()));
        assertThat(backends.selectForReading(Optional.empty()).name()).as("cannot apply, but reads").isEqualTo("preferred");
        assertThat(backends.selectForReading(Optional.of("only-when-named")).name()).isEqualTo("only-when-named");
        assertThat(ApplyBackends.load().selectForReading(Optional.empty()).name()).as("one that can apply comes first")
                .isEqualTo("fallback");
        assertThatThrownBy(() -> backends.selectForReading(Optional.of("xen"))).isInstanceOf(BackendUnavailableException.class)
                .hasMessageStartingWith("no backend called 'xen'");
        assertThatThrownBy(() -> ApplyBackends.of(List.of()).selectForReading(Optional.empty()))
                .hasMessageStartingWith("no backend can read this machine");
        System.setProperty(ApplyBackends.PROPERTY, "only-when-named");
        assertThat(backends.selectForReading(Optional.empty()).name()).as("named by the property").isEqualTo("only-when-named");
    }

    @Test
    void driversAreFoundByVendorAndByContent() {
        MicrocodeDrivers drivers = MicrocodeDrivers.load();
        assertThat(drivers.forVendor(Vendor.AMD)).containsInstanceOf(FixtureDriver.class);
        assertThat(drivers.forVendor(Vendor.INTEL)).isEmpty();
        ByteBuffer fixture = ByteBuffer.wrap("xxFIXTURE".getBytes(StandardCharsets.US_ASCII));
        fixture.position(2);
        assertThat(drivers.recognize(fixture)).containsInstanceOf(FixtureDriver.class);
        assertThat(fixture.position()).isEqualTo(2);
        assertThat(drivers.recognize(ByteBuffer.wrap(new byte[] {1, 2}))).isEmpty();
        assertThat(drivers.problems()).isEmpty();
    }
}
