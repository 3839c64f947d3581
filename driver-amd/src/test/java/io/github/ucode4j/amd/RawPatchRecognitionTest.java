package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.testing.Corpus;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A raw patch has no magic, so only its header vouches for it: raw patches of every family are recognised, and Intel
 * binaries, Intel {@code .dat} text, AMD containers and random bytes are not.
 */
class RawPatchRecognitionTest {
    private static final AmdMicrocodeOps AMD = new AmdMicrocodeOps();

    /** The first bytes of a file, as {@link io.github.ucode4j.api.MicrocodeDrivers} shows them to a driver. */
    private static ByteBuffer head(byte[] file) {
        return ByteBuffer.wrap(file, 0, Math.min(file.length, 64)).slice();
    }

    @Test
    void rawPatchesOfEveryFamilyAreRecognised() {
        for (int family = 0x10; family <= 0x1a; family++) {
            SyntheticPatch patch = AmdPatchBuilder.forCpu(family, 0x01, 0x2).build();
            assertThat(RawPatchShape.mismatch(patch.image())).as("family 0x%x", family).isEmpty();
        }
        Properties.forAll("raw patches are recognised", SyntheticInputs.patches(),
                patch -> assertThat(RawPatchShape.mismatch(head(SyntheticInputs.toArray(patch.image())))).isEmpty());
    }

    /** An Intel patch's 48-byte header (version 1, or 2 for an In-Field Scan image) and the start of its data. */
    private static Generator<byte[]> intelBinaries() {
        return random -> {
            byte[] bytes = new byte[64 + random.nextInt(2048)];
            random.nextBytes(bytes);
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0, 1 + random.nextInt(2))
                    .putInt(8, bcdDate(random))
                    .putInt(20, 1)
                    .putInt(28, random.nextInt(bytes.length) & ~3)
                    .putInt(32, bytes.length);
            return bytes;
        };
    }

    private static int bcdDate(SplittableRandom random) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        int year = 1995 + random.nextInt(31);
        return Integer.parseInt(String.format("%02d%02d%04d", month, day, year), 16);
    }

    @Test
    void intelBinariesAreNot() {
        Properties.forAll("Intel binaries are not raw AMD patches", intelBinaries(), bytes -> {
            assertThat(RawPatchShape.matches(head(bytes))).isFalse();
            assertThat(AMD.recognizes(head(bytes))).isFalse();
        });
    }

    @Test
    void debiansIntelFilesAreNot() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.intelFirmware())) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).isNotEmpty();
            for (Path file : all) {
                assertThat(AMD.recognizes(head(Files.readAllBytes(file)))).as(file.toString()).isFalse();
            }
        }
    }

    /** Intel {@code .dat} text: comments and lines of comma-separated hex words, with the odd blank or licence line. */
    private static Generator<byte[]> datText() {
        return random -> {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "/* Copyright(c) Intel, microcode.dat */\n" : "");
            for (int line = 1 + random.nextInt(8); line > 0; line--) {
                switch (random.nextInt(4)) {
                    case 0 -> text.append("/ licence text that is no C comment\n");
                    case 1 -> text.append('\n');
                    default -> text.append(String.format("0x%08x,\t0x%08x,\t0x%08x,\t0x%08x,%n",
                            random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt()));
                }
            }
            return text.toString().getBytes(StandardCharsets.US_ASCII);
        };
    }

    @Test
    void datTextIsNot() {
        Properties.forAll(".dat text is not a raw AMD patch", datText(), bytes -> {
            assertThat(RawPatchShape.matches(head(bytes))).isFalse();
            assertThat(AMD.recognizes(head(bytes))).isFalse();
        });
    }

    @Test
    void containersAreNotRawPatchesButContainers() {
        Generator<byte[]> containers = random -> SyntheticInputs.input(
                List.of(List.of(SyntheticInputs.patches().next(random))),
                random.nextBoolean() ? TableEnd.ZERO_ENTRY : TableEnd.LENGTH_ONLY).bytes();
        Properties.forAll("containers are no raw patches", containers, bytes -> {
            assertThat(RawPatchShape.matches(head(bytes))).isFalse();
            assertThat(AMD.recognizes(head(bytes))).isTrue();
            assertThat(Parsing.parse(ByteBuffer.wrap(bytes)).rawPatch()).isEmpty();
        });
    }

    @Test
    void randomBytesAreNot() {
        Properties.forAllBytes("random bytes are no raw patch", Generator.bytes(0, 300),
                bytes -> assertThat(RawPatchShape.matches(head(bytes))).isFalse());
    }

    @Test
    void theErrorForAnInputThatIsNeitherSaysWhyItIsNoRawPatch() {
        byte[] k8 = SyntheticInputs.toArray(AmdPatchBuilder.forCpu(0x10, 0x02, 0x2).build().image());
        ByteBuffer.wrap(k8).order(ByteOrder.LITTLE_ENDIAN).putShort(AmdPatchHeader.PROCESSOR_REV_ID_OFFSET, (short) 0x0050);
        assertThat(RawPatchShape.mismatch(ByteBuffer.wrap(k8))).hasValueSatisfying(why -> assertThat(why).contains("family 0xf"));
        MicrocodeFormatException error = catchThrowableOfType(MicrocodeFormatException.class,
                () -> Parsing.parse(ByteBuffer.wrap(k8)));
        assertThat(error.rule()).isEqualTo(AmdRule.MAGIC);
        assertThat(error.getMessage()).contains("nor is it a raw patch", "processor_rev_id 0x0050");
    }

    @Test
    void eachFieldThatVouchesForARawPatchIsNeeded() {
        byte[] valid = SyntheticInputs.toArray(AmdPatchBuilder.forCpu(0x19, 0x01, 0x1).build().image());
        assertThat(mismatchWith(valid, 0, 0x0a012024)).hasValueSatisfying(why -> assertThat(why).contains("data_code"));
        assertThat(mismatchWith(valid, AmdPatchHeader.NB_DEV_ID_OFFSET, 0x74501022))
                .hasValueSatisfying(why -> assertThat(why).contains("nb_dev_id"));
        assertThat(mismatchWith(valid, 8, 0x00004005)).hasValueSatisfying(why -> assertThat(why).contains("mc_patch_data_id"));
        assertThat(mismatchWith(valid, 4, 0x0b00107a)).hasValueSatisfying(why -> assertThat(why).contains("patch_id"));
        assertThat(mismatchWith(valid, 0, 0x13092011)).as("month 13, as a real family 0x12 patch has").isEmpty();
    }

    private static Optional<String> mismatchWith(byte[] valid, int offset, int value) {
        byte[] changed = valid.clone();
        ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return RawPatchShape.mismatch(ByteBuffer.wrap(changed));
    }
}
