package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Recover mode tries a candidate patch at every offset; these inputs make every candidate expensive to reject,
 * which took time quadratic in the input (hours for a few MiB) before the checks became constant-time per
 * candidate. The bounds are generous: linear time takes a second or two.
 */
class RecoverModeComplexityTest {
    private static final Duration LINEAR_TIME = Duration.ofSeconds(30);

    @Test
    void headersRepeatedEveryTwelveBytesEachClaimingHalfTheInput() {
        // hdrver and ldrver (offsets 0 and 24) fall on the same dword of a 12-byte period; datasize and totalsize
        // claim half the input, so each candidate's checksum covers 2 MiB before it fails
        int size = 4 << 20;
        ByteBuffer crafted = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 12 <= size; at += 12) {
            crafted.putInt(at, 1).putInt(at + 4, size / 2 - IntelLayout.HEADER_SIZE).putInt(at + 8, size / 2);
        }

        Bundle bundle = assertTimeoutPreemptively(LINEAR_TIME, () -> Crafted.parse(crafted.array(), ParseMode.RECOVER));

        assertThat(bundle.patches()).isEmpty();
    }

    @Test
    void datTextWhoseEveryDwordStartsARejectedCandidate() {
        // every dword is 1, so every one starts a candidate (hdrver 1, ldrver 1) rejected for datasize 1; each
        // rejection names its line in the text, which a scan from the start took time linear in the text to find
        byte[] text = "0x00000001,\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);

        Bundle bundle = assertTimeoutPreemptively(LINEAR_TIME, () -> Crafted.parse(text, ParseMode.RECOVER));

        assertThat(bundle.patches()).isEmpty();
        assertThat(bundle.findings()).extracting(Finding::message).anyMatch(m -> m.contains("line 99990, column 1"));
    }
}
