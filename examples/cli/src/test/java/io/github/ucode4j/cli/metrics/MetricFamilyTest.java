package io.github.ucode4j.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exposition format's rules as one family applies them: HELP and TYPE first, labels escaped, numbers plain. */
class MetricFamilyTest {
    @Test
    void helpAndTypeComeBeforeTheSamplesOfTheFamily() {
        MetricFamily family = MetricFamily.gauge("ucode4j_x", "What x is.").sample(1, "cpu", "0").sample(2, "cpu", "1");

        assertThat(family.lines()).containsExactly("# HELP ucode4j_x What x is.", "# TYPE ucode4j_x gauge",
                "ucode4j_x{cpu=\"0\"} 1", "ucode4j_x{cpu=\"1\"} 2");
    }

    @Test
    void aFamilyWithoutSamplesPrintsNothing() {
        assertThat(MetricFamily.gauge("ucode4j_x", "What x is.").lines()).isEmpty();
    }

    @Test
    void labelValuesEscapeBackslashQuoteAndLineFeedAndLoseOtherControls() {
        MetricFamily family = MetricFamily.gauge("ucode4j_x", "A \\ in\nhelp.").sample(1, "backend", "a\\b\"c\nd\te\u001b[31m");

        assertThat(family.lines()).containsExactly("# HELP ucode4j_x A \\\\ in\\nhelp.", "# TYPE ucode4j_x gauge",
                "ucode4j_x{backend=\"a\\\\b\\\"c\\nd\ufffde\ufffd[31m\"} 1");
    }

    @Test
    void anEmptyLabelValueIsLeftOut() {
        MetricFamily family = MetricFamily.gauge("ucode4j_x", "x").sample(1, "cpu", "0", "signature", "", "flags", "0x02")
                .sample(1, "signature", "");

        assertThat(family.lines()).endsWith("ucode4j_x{cpu=\"0\",flags=\"0x02\"} 1", "ucode4j_x 1");
    }

    @Test
    void numbersArePlainIntegersOrDecimals() {
        MetricFamily family = MetricFamily.gauge("ucode4j_x", "x").sample(0xffffffffL).sample(1796460379.553).sample(true).sample(false);

        assertThat(family.lines()).endsWith("ucode4j_x 4294967295", "ucode4j_x 1796460379.553", "ucode4j_x 1", "ucode4j_x 0");
    }
}
