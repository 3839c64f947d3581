package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Corpus;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** For any bytes the parser returns or throws MicrocodeFormatException, and allocates only for bytes present. */
class AmdParserRobustnessTest {

    /** Parses in every mode; anything thrown but MicrocodeFormatException fails the property. */
    private static void parseInEveryMode(byte[] bytes) {
        for (ParseMode mode : ParseMode.values()) {
            try {
                ParsedContainers parsed = Parsing.parse(bytes, mode);
                parsed.patches().forEach(patch -> assertThat(patch.origin().offset() + patch.size()).isLessThanOrEqualTo(bytes.length));
            } catch (MicrocodeFormatException expected) {
                assertThat(expected.offset()).isBetween(0L, (long) bytes.length);
            }
        }
    }

    @Test
    void randomBytes() {
        Properties.forAllBytes("random bytes", Generator.bytes(0, 300), AmdParserRobustnessTest::parseInEveryMode);
    }

    /** Random bytes after a plausible container header, so the parser gets past the magic. */
    private static Generator<byte[]> behindAHeader() {
        return random -> {
            byte[] bytes = Generator.bytes(12, 400).next(random);
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0, ContainerFormat.MAGIC).putInt(4, 0);
            if (random.nextBoolean()) {
                header.putInt(8, 16 * random.nextInt(4));
            }
            if (bytes.length >= 52 && random.nextBoolean()) {
                header.putInt(8, 32).putInt(44, 1);
            }
            return bytes;
        };
    }

    @Test
    void randomBytesBehindAContainerHeader() {
        Properties.forAllBytes("random bytes behind a header", behindAHeader(), AmdParserRobustnessTest::parseInEveryMode);
    }

    /** A valid input with a few bytes changed, a piece cut out, or a piece repeated. */
    private static Generator<byte[]> mutationsOf(byte[] original) {
        return random -> {
            byte[] bytes = original.clone();
            switch (random.nextInt(3)) {
                case 0 -> {
                    for (int i = 1 + random.nextInt(4); i > 0; i--) {
                        int at = random.nextInt(Math.min(bytes.length, random.nextBoolean() ? 128 : bytes.length));
                        bytes[at] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> bytes = cut(bytes, random);
                default -> bytes = repeatPiece(bytes, random);
            }
            return bytes;
        };
    }

    private static byte[] cut(byte[] bytes, SplittableRandom random) {
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(200));
        byte[] shorter = Arrays.copyOf(bytes, bytes.length - (to - from));
        System.arraycopy(bytes, to, shorter, from, bytes.length - to);
        return shorter;
    }

    private static byte[] repeatPiece(byte[] bytes, SplittableRandom random) {
        int from = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - from, 1 + random.nextInt(200));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + length);
        System.arraycopy(bytes, from, longer, from + length, bytes.length - from);
        return longer;
    }

    @Test
    void mutatedRealContainers() throws IOException {
        ByteArrayOutputStream earlyLoadFile = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(Corpus.amdFirmware())) {
            for (Path file : files.sorted().toList()) {
                earlyLoadFile.writeBytes(Files.readAllBytes(file));
            }
        }
        Properties.forAllBytes("mutated real containers", mutationsOf(earlyLoadFile.toByteArray()),
                AmdParserRobustnessTest::parseInEveryMode);
    }

    @Test
    void mutatedSyntheticContainers() {
        Generator<byte[]> mutated = random -> mutationsOf(SyntheticInputs.inputs().next(random).bytes()).next(random);
        Properties.forAllBytes("mutated synthetic container", mutated, AmdParserRobustnessTest::parseInEveryMode);
    }

    /** Small inputs whose table length and patch size fields claim up to 4 GiB. */
    private static Generator<byte[]> hugeClaims() {
        return random -> {
            byte[] bytes = behindAHeader().next(random);
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (random.nextBoolean()) {
                header.putInt(8, random.nextInt() & ~0xf);
            } else if (bytes.length >= 52) {
                header.putInt(8, 32).putInt(44, 1).putInt(48, random.nextInt());
            }
            return bytes;
        };
    }

    @Test
    void allocationIsBoundedByTheBytesPresentNotByDeclaredSizes() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();
        Properties.forAllBytes("no allocation from declared sizes", hugeClaims(), bytes -> {
            long before = threads.getThreadAllocatedBytes(thread);
            try {
                Parsing.parse(bytes, ParseMode.RECOVER);
            } catch (MicrocodeFormatException expected) {
                // only the allocation matters here
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(allocated).as("bytes allocated parsing %d bytes", bytes.length).isLessThan(256 * 1024L);
        });
    }
}
