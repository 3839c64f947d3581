package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.fixtures.FixtureBackends;
import io.github.ucode4j.testing.LogCapture;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The backend choice is logged at DEBUG with why each other backend was not chosen. */
class BackendChoiceLogTest {
    private static final FixtureBackends.Fixed LOWER = new FixtureBackends.Fixed("lower", 5, Optional.empty(), true) {
    };

    private final ApplyBackends backends = ApplyBackends.of(List.of(new FixtureBackends.Preferred(),
            new FixtureBackends.Fallback(), new FixtureBackends.OnlyWhenNamed(), LOWER));
    private final LogCapture log = LogCapture.of(ApplyBackends.class);

    @AfterEach
    void stopCapturing() {
        log.close();
        System.clearProperty(ApplyBackends.PROPERTY);
    }

    @Test
    void anAutomaticChoiceNamesEveryOtherBackendAndWhy() throws Exception {
        backends.select(Optional.empty());

        assertThat(log.messages(Level.DEBUG)).containsExactly("chose the fallback backend (priority 10), the available one "
                + "of highest priority; not only-when-named: used only when named; not preferred: cannot run here: needs "
                + "the preferred device; not lower: lower priority (5)");
    }

    @Test
    void aNamedBackendSaysWhoNamedIt() throws Exception {
        backends.select(Optional.of("lower"));
        System.setProperty(ApplyBackends.PROPERTY, "only-when-named");
        backends.select();

        assertThat(log.messages(Level.DEBUG)).containsExactly("chose the lower backend: named by the caller",
                "chose the only-when-named backend: named by the system property " + ApplyBackends.PROPERTY);
    }

    @Test
    void readingFallsBackToABackendThatCannotApplyAndSaysSo() throws Exception {
        ApplyBackends none = ApplyBackends.of(List.of(new FixtureBackends.Preferred()));

        assertThat(none.selectForReading(Optional.empty()).name()).isEqualTo("preferred");
        assertThat(log.messages(Level.DEBUG)).containsExactly("reading the machine with the preferred backend, the first "
                + "that can read it, as no backend can apply here (preferred: needs the preferred device)");
    }

    @Test
    void nothingIsLoggedAboveDebug() throws Exception {
        backends.select(Optional.empty());
        backends.selectForReading(Optional.of("preferred"));

        assertThat(log.lines()).allMatch(line -> line.startsWith("DEBUG "));
    }
}
