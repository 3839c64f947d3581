package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The packed BCD date: printed as stored, valid by iucode_tool's rule, a calendar date only when it is one. */
class IntelDateTest {

    @Test
    void aValidDateDecodesAndPrintsAsIucodeToolPrintsIt() {
        IntelDate date = new IntelDate(0x11122025);
        assertThat(date.isValid()).isTrue();
        assertThat(date.toLocalDate()).contains(LocalDate.of(2025, 11, 12));
        assertThat(date).hasToString("2025-11-12");
    }

    @Test
    void validDigitsThatNameNoDayPassTheStrictCheckButHaveNoCalendarDate() {
        IntelDate february30 = new IntelDate(0x02302024);
        assertThat(february30.isValid()).isTrue();
        assertThat(february30.toLocalDate()).isEmpty();
    }

    @Test
    void invalidDatesStillPrintTheirDigits() {
        IntelDate notBcd = new IntelDate(0x0a0b1c2d);
        assertThat(notBcd.isValid()).isFalse();
        assertThat(notBcd.toLocalDate()).isEmpty();
        assertThat(notBcd).hasToString("1c2d-0a-0b");
        assertThat(new IntelDate(0x12311994).isValid()).isFalse();
        assertThat(new IntelDate(0x01011995).isValid()).isTrue();
    }
}
