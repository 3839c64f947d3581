package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.LogCapture;
import java.lang.System.Logger.Level;
import org.junit.jupiter.api.Test;

/** A file's format is logged at DEBUG, once per file. */
class ParseLogTest {
    @Test
    void theFormatFoundIsLoggedOncePerFile() throws Exception {
        SyntheticPatch patch = AmdPatchBuilder.forCpu(CpuSignature.of(0x00100f22)).revision(0x010000db).build();
        try (LogCapture log = LogCapture.of(AmdMicrocodeOps.class)) {
            new AmdMicrocodeOps().parse(patch.container(), "microcode_amd.bin", ParseMode.STRICT);

            assertThat(log.messages(Level.DEBUG)).containsExactly("microcode_amd.bin: AMD 1 containers, read STRICT, 1 patches");
        }
    }
}
