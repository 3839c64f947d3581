package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.LogCapture;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A file's format is logged at DEBUG, each of its patches only at TRACE. */
class ParseLogTest {
    private static final byte[] PATCH = IntelPatchBuilder.patch().revision(0x20).build();

    @Test
    void theFormatFoundIsLoggedOncePerFileAndEachPatchAtTrace() throws Exception {
        try (LogCapture log = LogCapture.of(IntelParser.class)) {
            Bundle bundle = new IntelMicrocodeOps().parse(ByteBuffer.wrap(PATCH), "06-8e-09", ParseMode.STRICT);

            assertThat(log.messages(Level.DEBUG)).containsExactly("06-8e-09: Intel binary, read STRICT, 1 patches");
            assertThat(log.messages(Level.TRACE)).containsExactly("06-8e-09: " + bundle.patches().get(0));
        }
    }

    @Test
    void datTextIsNamedAsSuch() throws Exception {
        StringBuilder text = new StringBuilder();
        ByteBuffer words = ByteBuffer.wrap(PATCH).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        while (words.hasRemaining()) {
            text.append(String.format("0x%08x,%n", words.getInt()));
        }
        try (LogCapture log = LogCapture.of(IntelParser.class)) {
            new IntelMicrocodeOps().parse(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII)), "microcode.dat", ParseMode.LENIENT);

            assertThat(log.messages(Level.DEBUG)).containsExactly("microcode.dat: Intel .dat text, read LENIENT, 1 patches");
        }
    }
}
