package io.github.ucode4j.cli.option;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.fixtures.FixtureBackends;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A chosen backend reads the machine once when it was read while choosing, and afresh after that. */
class ChosenBackendTest {

    @Test
    void theMachineReadWhileChoosingIsTheFirstReadingAndLaterOnesAreFresh() throws Exception {
        CountingBackend backend = new CountingBackend();
        Platform readWhileChoosing = new Platform("counting", List.of(), Optional.empty(), List.of("read while choosing"));

        try (ChosenBackend chosen = new ChosenBackend(new ApplyBackends.ReadingChoice(backend, Optional.of(readWhileChoosing)))) {
            assertThat(chosen.platform()).isSameAs(readWhileChoosing);
            assertThat(backend.reads).isZero();
            assertThat(chosen.platform().notes()).containsExactly("read 1");
            assertThat(backend.reads).isEqualTo(1);
        }
    }

    @Test
    void withoutAReadingWhileChoosingTheBackendReadsTheMachine() throws Exception {
        CountingBackend backend = new CountingBackend();

        try (ChosenBackend chosen = new ChosenBackend(backend)) {
            assertThat(chosen.platform().notes()).containsExactly("read 1");
        }
    }

    /** A backend whose every reading of the machine is numbered in its notes. */
    private static final class CountingBackend extends FixtureBackends.Fixed {
        int reads;

        CountingBackend() {
            super("counting", 0, Optional.empty(), true);
        }

        @Override
        public Platform platform() {
            reads++;
            return new Platform(name(), List.of(), Optional.empty(), List.of("read " + reads));
        }
    }
}
