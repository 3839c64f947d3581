package io.github.ucode4j.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guest's output is split on the markers the script prints; no QEMU needed. */
class BootResultTest {
    private static final String OUTPUT = "lab noise\n"
            + GuestScript.STEP_MARKER + "first\nline 1\nline 2\n" + GuestScript.EXIT_MARKER + "first 3 1500\n"
            + GuestScript.STEP_MARKER + "second\n" + GuestScript.EXIT_MARKER + "second 0 7\n"
            + GuestScript.STEP_MARKER + "unfinished\npartial\n";

    private final BootResult boot = new BootResult("test", OUTPUT, 0, "(XEN) one\nLinux line\n(XEN) two\n", Duration.ZERO);

    @Test
    void eachStepHasItsOwnOutputStatusAndTime() {
        assertThat(boot.step("first")).isEqualTo(new StepResult("first", "line 1\nline 2\n", 3, Duration.ofMillis(1500)));
        assertThat(boot.step("second")).isEqualTo(new StepResult("second", "", 0, Duration.ofMillis(7)));
    }

    @Test
    void aStepThatDidNotFinishFailsWithWhatTheGuestPrinted() {
        assertThatThrownBy(() -> boot.step("unfinished")).isInstanceOf(AssertionError.class).hasMessageContaining("partial");
    }

    @Test
    void xenLinesAreTheHypervisorsOwn() {
        assertThat(boot.xenLines()).isEqualTo(List.of("(XEN) one", "(XEN) two"));
    }

    @Test
    void scriptWordsAreQuotedForTheShell() {
        assertThat(GuestScript.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(new GuestScript("d").step("s", List.of("echo", "a b")).text()).contains("step 's' 'echo' 'a b'");
    }
}
