package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemPropertiesTest {
    private static final String NAME = "ucode4j.test.system-properties";

    @Test
    void aPropertySetTwiceThatWasUnsetIsUnsetAgain() {
        System.clearProperty(NAME);
        SystemProperties properties = new SystemProperties().set(NAME, "first");
        properties.set(NAME, "second");

        properties.restore();

        assertThat(System.getProperty(NAME)).isNull();
    }

    @Test
    void aPropertySetTwiceGetsItsFirstValueBack() {
        System.setProperty(NAME, "before");
        try {
            SystemProperties properties = new SystemProperties().set(NAME, "first");
            properties.set(NAME, "second");

            properties.restore();

            assertThat(System.getProperty(NAME)).isEqualTo("before");
        } finally {
            System.clearProperty(NAME);
        }
    }
}
