package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.fixtures.FixtureBackends;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ApplyBackends#selectForReading()}: what a program that only plans asks for, the property first. */
class SelectForReadingTest {
    private final ApplyBackends backends = ApplyBackends.of(List.of(new FixtureBackends.Preferred(), new FixtureBackends.OnlyWhenNamed()));

    @AfterEach
    void clearProperty() {
        System.clearProperty(ApplyBackends.PROPERTY);
    }

    @Test
    void withoutThePropertyItPicksAsWithNoNameGiven() throws Exception {
        assertThat(backends.selectForReading().name()).isEqualTo(backends.selectForReading(Optional.empty()).name())
                .isEqualTo("preferred");
    }

    @Test
    void thePropertyNamesTheBackend() throws Exception {
        System.setProperty(ApplyBackends.PROPERTY, "only-when-named");

        assertThat(backends.selectForReading().name()).isEqualTo("only-when-named");
    }
}
