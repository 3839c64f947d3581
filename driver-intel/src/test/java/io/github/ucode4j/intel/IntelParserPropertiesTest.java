package io.github.ucode4j.intel;

import static io.github.ucode4j.intel.Crafted.concat;
import static io.github.ucode4j.intel.Crafted.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the parser and the builder over generated patches, random bytes and mutated real files. */
class IntelParserPropertiesTest {

    @Test
    void generatedPatchesRoundTripByteForByte() {
        Properties.forAll("round trip", PatchSpec.SPECS, spec -> {
            byte[] bytes = spec.build();
            Bundle bundle = parse(bytes);
            assertThat(bundle.findings()).isEmpty();
            assertThat(IntelPatchWriter.toBinary(bundle.patches())).isEqualTo(bytes);
            MicrocodePatch patch = bundle.patches().get(0);
            IntelPatchDetails details = (IntelPatchDetails) patch.details();
            assertThat(details.signature()).isEqualTo(spec.signature());
            assertThat(details.platformFlags()).isEqualTo(spec.platformFlags());
            assertThat(details.revision()).isEqualTo(spec.revision());
            assertThat(details.date().raw()).isEqualTo(spec.date());
            assertThat(details.minimumRequiredRevision()).isEqualTo(spec.minimumRevision());
            assertThat(details.effectiveTotalSize()).isEqualTo(bytes.length);
            assertThat(details.effectiveTotalSize() % 1024).isZero();
            assertThat(details.extendedSignatures()).hasSize(spec.defaultSizes() ? 0 : spec.extended().size());
        });
    }

    /** A patch and where to change or cut it. */
    private record Damage(PatchSpec first, PatchSpec second, long seed) {
        static Damage random(SplittableRandom random) {
            return new Damage(PatchSpec.random(random), PatchSpec.random(random), random.nextLong());
        }
    }

    @Test
    void changingAnySingleDwordIsDetected() {
        Properties.forAll("single dword change", Damage::random, damage -> {
            byte[] bytes = damage.first().build();
            SplittableRandom random = new SplittableRandom(damage.seed());
            int at = 4 * random.nextInt(bytes.length / 4);
            int delta = random.nextInt(1, Integer.MAX_VALUE) * (random.nextBoolean() ? 1 : -1);
            byte[] changed = Crafted.withDword(bytes, at, Crafted.dword(bytes, at) + delta);
            assertThat(catchThrowableOfType(MicrocodeFormatException.class, () -> parse(changed)))
                    .as("dword at 0x%x changed by 0x%x", at, delta).isNotNull();
        });
    }

    @Test
    void truncationAtAnyLengthIsDetectedWhereThePatchStarts() {
        Properties.forAll("truncation", Damage::random, damage -> {
            byte[] first = damage.first().build();
            byte[] both = concat(first, damage.second().build());
            int drawn = new SplittableRandom(damage.seed()).nextInt(both.length);
            int length = drawn == first.length ? drawn - 1 : drawn; // a cut on the boundary leaves a valid file
            int patchStart = length < first.length ? 0 : first.length;
            int left = length - patchStart;
            MicrocodeFormatException e = catchThrowableOfType(MicrocodeFormatException.class,
                    () -> parse(Arrays.copyOf(both, length)));
            assertThat(e).isNotNull();
            if (length == 0) {
                assertThat(e.rule()).isEqualTo(InputRule.EMPTY);
            } else if (left < 48) {
                assertThat(e.rule()).isEqualTo(IntelRule.TRAILING_BYTES);
                assertThat(e.offset()).isEqualTo(patchStart);
            } else {
                assertThat(e.rule()).isEqualTo(IntelRule.TOTAL_SIZE_EXCEEDS_INPUT);
                assertThat(e.offset()).isEqualTo(patchStart + 32);
            }
        });
    }

    @Test
    void aConcatenationParsesAsTheConcatenationOfItsParts() {
        Properties.forAll("concatenation", random -> {
            PatchSpec[] specs = new PatchSpec[random.nextInt(1, 5)];
            Arrays.setAll(specs, i -> PatchSpec.random(random));
            return specs;
        }, specs -> {
            List<byte[]> parts = Arrays.stream(specs).map(PatchSpec::build).toList();
            Bundle whole = parse(concat(parts.toArray(byte[][]::new)));
            assertThat(whole.patches()).hasSize(parts.size());
            long offset = 0;
            for (int i = 0; i < parts.size(); i++) {
                MicrocodePatch alone = parse(parts.get(i)).patches().get(0);
                MicrocodePatch inWhole = whole.patches().get(i);
                assertThat(inWhole.sameBytes(alone)).isTrue();
                assertThat(inWhole.details()).isEqualTo(alone.details());
                assertThat(inWhole.origin().offset()).isEqualTo(offset);
                offset += parts.get(i).length;
            }
        });
    }

    @Test
    void randomBytesNeverThrowAnythingButTheFormatException() {
        Properties.forAllBytes("random bytes", random -> {
            byte[] bytes = Generator.bytes(0, 2048).next(random);
            if (bytes.length >= 48 && random.nextBoolean()) {
                plausibleHeader(bytes, random);
            }
            return bytes;
        }, IntelParserPropertiesTest::parseInEveryMode);
    }

    @Test
    void mutatedRealPatchesNeverThrowAnythingButTheFormatException() {
        List<byte[]> real = IntelCorpus.files().stream().map(IntelCorpus::read).filter(b -> b.length <= 32 * 1024)
                .toList();
        Properties.forAllBytes("mutated real patches", random -> mutate(real.get(random.nextInt(real.size())), random),
                IntelParserPropertiesTest::parseInEveryMode);
    }

    private static void parseInEveryMode(byte[] bytes) {
        for (ParseMode mode : ParseMode.values()) {
            try {
                Crafted.OPS.parse(ByteBuffer.wrap(bytes), "fuzz", mode);
            } catch (MicrocodeFormatException expected) {
                assertThat(expected.source()).isEqualTo("fuzz");
            }
        }
        Crafted.OPS.recognizes(ByteBuffer.wrap(bytes, 0, Math.min(64, bytes.length)));
    }

    /** Header versions 1 and small or extreme sizes, so that random data reaches the deeper checks. */
    private static void plausibleHeader(byte[] bytes, SplittableRandom random) {
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] sizes = {0, 4, bytes.length - 48, bytes.length, bytes.length + 4, -4, Integer.MIN_VALUE, 0x15555556};
        header.putInt(0, 1).putInt(20, 1).putInt(28, sizes[random.nextInt(sizes.length)])
                .putInt(32, sizes[random.nextInt(sizes.length)]).putInt(36, sizes[random.nextInt(sizes.length)]);
        if (random.nextBoolean()) {
            byte[] fixed = Crafted.rebalancedIfPossible(bytes);
            System.arraycopy(fixed, 0, bytes, 0, bytes.length);
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> bytes[random.nextInt(bytes.length)] ^= (byte) random.nextInt(1, 256);
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 2 -> bytes = Crafted.withDword(bytes, 4 * random.nextInt(bytes.length / 4), random.nextInt());
            default -> {
                int at = 4 * random.nextInt(12);
                bytes = Crafted.rebalancedIfPossible(Crafted.withDword(bytes, at, random.nextInt()));
            }
        }
        return bytes;
    }
}
