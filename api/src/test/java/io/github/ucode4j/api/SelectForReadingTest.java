package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.fixtures.FixtureBackends;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ApplyBackends#selectForReading()}: what a program that only plans asks for, the property first; and
 * {@link ApplyBackends#chooseForReading}, which hands over the machine it read while choosing.
 */
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

    @Test
    void whenNoBackendCanApplyTheMachineReadWhileChoosingIsHandedOverAndReadOnce() throws Exception {
        CountingReads unavailable = new CountingReads("counting", Optional.of("cannot apply here"));

        ApplyBackends.ReadingChoice choice = ApplyBackends.of(List.of(unavailable)).chooseForReading(Optional.empty());

        assertThat(choice.backend()).isSameAs(unavailable);
        assertThat(choice.machine()).hasValueSatisfying(machine -> assertThat(machine.backend()).isEqualTo("counting"));
        assertThat(unavailable.reads).isEqualTo(1);
    }

    @Test
    void aChoiceThatNeedsNoReadReadsNothing() throws Exception {
        CountingReads available = new CountingReads("counting", Optional.empty());

        ApplyBackends.ReadingChoice chosen = ApplyBackends.of(List.of(available)).chooseForReading(Optional.empty());
        ApplyBackends.ReadingChoice named = ApplyBackends.of(List.of(available)).chooseForReading(Optional.of("counting"));

        assertThat(chosen.backend()).isSameAs(available);
        assertThat(chosen.machine()).isEmpty();
        assertThat(named.machine()).isEmpty();
        assertThat(available.reads).isZero();
    }

    /** A backend that counts how often the machine is read. */
    private static final class CountingReads extends FixtureBackends.Fixed {
        int reads;

        CountingReads(String name, Optional<String> unavailable) {
            super(name, 10, unavailable, true);
        }

        @Override
        public Platform platform() {
            reads++;
            return super.platform();
        }
    }
}
