package io.github.ucode4j.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a target already holds the bytes to be written, compared a chunk at a time across chunk boundaries. */
class ExistingContentTest {
    /** More than two of the comparison's 256 KiB chunks, and not a multiple of one. */
    private static final int SIZE = 600_001;

    @TempDir
    Path directory;

    private static byte[] bytes() {
        byte[] bytes = new byte[SIZE];
        new Random(19).nextBytes(bytes);
        return bytes;
    }

    @Test
    void aFileWithTheSameBytesHoldsThemAndTheBufferIsNotMoved() throws Exception {
        Path target = Files.write(directory.resolve("early.cpio"), bytes());
        ByteBuffer content = ByteBuffer.wrap(bytes());

        assertThat(ExistingContent.holds(target, content)).isTrue();
        assertThat(content.position()).isZero();
    }

    @Test
    void aDifferenceInAnyChunkIsFound() throws Exception {
        for (int at : new int[] {0, 262_143, 262_144, SIZE - 1}) {
            byte[] other = bytes();
            other[at] ^= 1;
            Path target = Files.write(directory.resolve("differs-at-" + at), other);

            assertThat(ExistingContent.holds(target, ByteBuffer.wrap(bytes()))).as("a byte changed at %d", at).isFalse();
        }
    }

    @Test
    void theContentIsComparedFromItsPosition() throws Exception {
        byte[] bytes = bytes();
        Path target = Files.write(directory.resolve("tail"), Arrays.copyOfRange(bytes, 1000, SIZE));

        assertThat(ExistingContent.holds(target, ByteBuffer.wrap(bytes).position(1000))).isTrue();
    }

    @Test
    void aLongerOrShorterFileDoesNotHoldIt() throws Exception {
        Path longer = Files.write(directory.resolve("longer"), Arrays.copyOf(bytes(), SIZE + 1));
        Path shorter = Files.write(directory.resolve("shorter"), Arrays.copyOf(bytes(), SIZE - 1));

        assertThat(ExistingContent.holds(longer, ByteBuffer.wrap(bytes()))).isFalse();
        assertThat(ExistingContent.holds(shorter, ByteBuffer.wrap(bytes()))).isFalse();
    }

    @Test
    void aMissingFileOrASymbolicLinkHoldsNothing() throws Exception {
        Path real = Files.write(directory.resolve("real"), bytes());
        Path link = Files.createSymbolicLink(directory.resolve("link"), real);

        assertThat(ExistingContent.holds(directory.resolve("missing"), ByteBuffer.wrap(bytes()))).isFalse();
        assertThat(ExistingContent.holds(link, ByteBuffer.wrap(bytes()))).isFalse();
    }
}
