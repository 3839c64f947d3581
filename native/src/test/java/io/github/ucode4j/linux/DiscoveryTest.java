package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.api.spi.Scope;
import org.junit.jupiter.api.Test;

/** Both backends are registered, and the kernel's loader ranks above user-space MSR writes. */
class DiscoveryTest {

    @Test
    void bothBackendsAreFoundAndTheKernelComesFirst() {
        ApplyBackends backends = ApplyBackends.load();

        assertThat(backends.problems()).isEmpty();
        assertThat(backends.all()).extracting(ApplyBackend::name).containsSubsequence("kernel", "msr");
        assertThat(backends.named("kernel")).get().extracting(ApplyBackend::scope).isEqualTo(Scope.SYSTEM);
        assertThat(backends.named("msr")).get().extracting(ApplyBackend::scope).isEqualTo(Scope.PER_CPU);
        backends.all().forEach(b -> System.out.println("backend " + b.name() + ": "
                + b.unavailableReason().map(r -> "unavailable: " + r).orElse("available")));
    }
}
