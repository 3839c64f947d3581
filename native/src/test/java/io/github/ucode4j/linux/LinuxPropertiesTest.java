package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Properties of the parsers and the buffer placement, over seeded random inputs (the project's harness). */
class LinuxPropertiesTest {
    private static final String CPUINFO_ALPHABET = "processor:\t\n 0123456789abcdefx";

    private static Generator<String> textOf(String alphabet, int maxLength) {
        return random -> {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        };
    }

    @Test
    void cpuinfoParsingEitherSucceedsOrNamesTheBadProcessorLine() {
        Properties.forAll("CpuInfo.parse is total", textOf(CPUINFO_ALPHABET, 80), text -> {
            try {
                CpuInfo.parse(text);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("'processor' is not a number");
            }
        });
    }

    @Test
    void aLockedCopyAlignsTheChosenByteAndHoldsTheBytes() {
        ByteBuffer bytes = TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, 1, 6000).bytes();
        Generator<int[]> placements = random -> new int[] {random.nextInt(0, 512), 1 << random.nextInt(0, 13)};
        Properties.forAll("LockedBuffer places offset on alignment", placements, placement -> {
            try (LockedBuffer buffer = LockedBuffer.copyOf(JnaLibc.load(), bytes, placement[0], placement[1])) {
                assertThat((buffer.address() + placement[0]) % placement[1]).isZero();
                assertThat(buffer.bytes()).isEqualTo(bytes);
            }
        });
    }
}
