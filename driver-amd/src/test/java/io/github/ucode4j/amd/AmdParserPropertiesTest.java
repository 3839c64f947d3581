package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.ucode4j.amd.SyntheticInputs.Input;
import io.github.ucode4j.amd.SyntheticInputs.Section;
import io.github.ucode4j.amd.SyntheticInputs.Shape;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.testing.Generator;
import io.github.ucode4j.testing.Properties;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Laws of the parser and writer over generated containers. */
class AmdParserPropertiesTest {

    @Test
    void roundTripBuildWriteParse() {
        Properties.forAll("build, write, parse gives the same patches", SyntheticInputs.inputs(), input -> {
            ParsedContainers parsed = Parsing.parse(input.buffer());
            assertThat(parsed.findings()).isEmpty();
            List<SyntheticPatch> built = input.patches();
            assertThat(parsed.patches()).hasSameSizeAs(built);
            for (int i = 0; i < built.size(); i++) {
                MicrocodePatch patch = parsed.patches().get(i);
                SyntheticPatch expected = built.get(i);
                AmdPatchDetails details = (AmdPatchDetails) patch.details();
                assertThat(patch.bytes()).isEqualTo(expected.image());
                assertThat(details.header()).isEqualTo(expected.header());
                assertThat(patch.revision().value()).isEqualTo(expected.header().patchId());
                assertThat(patch.date()).isEqualTo(expected.header().date()).isPresent();
                assertThat(patch.targets()).containsExactly(
                        new PatchTarget(expected.equivalenceEntry().installedCpu(), PlatformFlags.NONE));
                assertThat(details.equivalenceEntries()).containsExactly(expected.equivalenceEntry());
            }
            ParsedContainers rewritten = Parsing.parse(AmdContainerWriter.merge(parsed.patches()));
            assertThat(rewritten.patches()).extracting(MicrocodePatch::bytes)
                    .containsExactlyElementsOf(parsed.patches().stream().map(MicrocodePatch::bytes).toList());
            assertThat(rewritten.patches()).extracting(MicrocodePatch::details)
                    .containsExactlyElementsOf(parsed.patches().stream().map(MicrocodePatch::details).toList());
        });
    }

    @Test
    void splitGivesOnePatchPerContainerAndConcatenatingThemGivesTheSamePatches() {
        Properties.forAll("split then concatenate keeps every patch", SyntheticInputs.inputs(), input -> {
            List<MicrocodePatch> patches = Parsing.parse(input.buffer()).patches();
            List<ByteBuffer> singles = AmdContainerWriter.split(patches);
            ParsedContainers joined = Parsing.parse(AmdContainerWriter.concatenate(singles));
            assertThat(joined.containers()).hasSize(patches.size()).allSatisfy(c -> assertThat(c.patches()).hasSize(1));
            assertThat(joined.patches()).extracting(MicrocodePatch::bytes)
                    .containsExactlyElementsOf(patches.stream().map(MicrocodePatch::bytes).toList());
        });
    }

    @Test
    void concatenationLaw() {
        Generator<Input[]> pairs = random -> new Input[] {SyntheticInputs.inputs().next(random), SyntheticInputs.inputs().next(random)};
        Properties.forAll("parse(a ++ b) is parse(a) ++ parse(b)", pairs, pair -> {
            byte[] a = pair[0].bytes();
            byte[] b = pair[1].bytes();
            byte[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            List<MicrocodePatch> joined = Parsing.parse(both, ParseMode.STRICT).patches();
            List<MicrocodePatch> first = Parsing.parse(a, ParseMode.STRICT).patches();
            List<MicrocodePatch> second = Parsing.parse(b, ParseMode.STRICT).patches();
            assertThat(joined).hasSize(first.size() + second.size());
            for (int i = 0; i < joined.size(); i++) {
                MicrocodePatch alone = i < first.size() ? first.get(i) : second.get(i - first.size());
                long shift = i < first.size() ? 0 : a.length;
                MicrocodePatch together = joined.get(i);
                assertThat(together.bytes()).isEqualTo(alone.bytes());
                assertThat(together.details()).isEqualTo(alone.details());
                assertThat(together.targets()).isEqualTo(alone.targets());
                assertThat(together.origin().offset()).isEqualTo(alone.origin().offset() + shift);
            }
        });
    }

    /** A field of a valid container, changed to a value that breaks exactly one rule. */
    private record Corruption(int offset, int value, AmdRule rule) {
    }

    private static Corruption corruption(Input input, SplittableRandom random) {
        Shape container = input.shapes().get(random.nextInt(input.shapes().size()));
        Section section = container.sections().get(random.nextInt(container.sections().size()));
        int bytesAfterTable = input.bytes().length - (container.start() + 12);
        int bytesAfterSection = input.bytes().length - section.patchStart();
        return switch (random.nextInt(9)) {
            // After a container, bytes that are no magic are read as the next section.
            case 0 -> new Corruption(container.start(), otherThan(random, ContainerFormat.MAGIC),
                    container.start() == 0 ? AmdRule.MAGIC : AmdRule.SECTION_TYPE);
            case 1 -> new Corruption(container.start() + 4, otherThan(random, 0), AmdRule.EQUIVALENCE_TYPE);
            case 2 -> new Corruption(container.start() + 8, 16 * random.nextInt(1 << 20) + 1 + random.nextInt(15),
                    AmdRule.EQUIVALENCE_LENGTH);
            case 3 -> new Corruption(container.start() + 8, 16 * (bytesAfterTable / 16 + 1 + random.nextInt(1000)),
                    AmdRule.EQUIVALENCE_TRUNCATED);
            case 4 -> new Corruption(container.start() + 12, 0, AmdRule.EQUIVALENCE_EARLY_END);
            case 5 -> new Corruption(section.start(), otherThan(random, 1), AmdRule.SECTION_TYPE);
            case 6 -> new Corruption(section.start() + 4, random.nextInt(64), AmdRule.PATCH_TOO_SHORT);
            case 7 -> new Corruption(section.start() + 4, bytesAfterSection + 1 + random.nextInt(1 << 30),
                    AmdRule.PATCH_TRUNCATED);
            default -> new Corruption(section.patchStart() + (random.nextBoolean() ? 16 : 20), otherThan(random, 0),
                    AmdRule.CHIPSET_SPECIFIC);
        };
    }

    private static int otherThan(SplittableRandom random, int excluded) {
        int value = random.nextInt();
        return value == excluded || value == ContainerFormat.MAGIC || value == 1 ? excluded ^ 0x80 : value;
    }

    @Test
    void singleFieldCorruptionIsDetectedWithItsRuleAndOffset() {
        Generator<Object[]> cases = random -> {
            Input input = SyntheticInputs.inputs().next(random);
            return new Object[] {input, corruption(input, random)};
        };
        Properties.forAll("a corrupted field is reported where it is", cases, pair -> {
            Input input = (Input) pair[0];
            Corruption corruption = (Corruption) pair[1];
            byte[] bytes = input.bytes().clone();
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(corruption.offset(), corruption.value());
            Parsing.assertRejects(bytes, corruption.rule(), corruption.offset());
        });
    }

    /** Where a parser must report an input cut at {@code length}: the start of the structure left incomplete. */
    private static long expectedTruncationOffset(Input input, int length) {
        for (Shape container : input.shapes()) {
            int start = container.start();
            if (length < start + 12) {
                return start;
            }
            if (length < start + 12 + container.tableLength()) {
                return start + 8;
            }
            for (Section section : container.sections()) {
                if (length > section.start() && length < section.start() + 8) {
                    return section.start();
                }
                if (length >= section.start() + 8 && length < section.end()) {
                    return section.start() + 4;
                }
            }
        }
        throw new AssertionError("a cut at " + length + " is on a boundary");
    }

    private static boolean onBoundary(Input input, int length) {
        return input.shapes().stream().anyMatch(shape -> length == shape.start() + 12 + shape.tableLength()
                || shape.sections().stream().anyMatch(section -> section.end() == length));
    }

    @Test
    void truncationAnywhereIsDetectedAtTheIncompleteStructure() {
        List<AmdRule> truncationRules = List.of(AmdRule.CONTAINER_TRUNCATED, AmdRule.EQUIVALENCE_TRUNCATED,
                AmdRule.SECTION_TRUNCATED, AmdRule.PATCH_TRUNCATED);
        Generator<Object[]> cases = random -> {
            Input input = SyntheticInputs.inputs().next(random);
            int length;
            do {
                length = 1 + random.nextInt(input.bytes().length - 1);
            } while (onBoundary(input, length));
            return new Object[] {input, length};
        };
        Properties.forAll("a cut input is reported at its incomplete structure", cases, pair -> {
            Input input = (Input) pair[0];
            int length = (Integer) pair[1];
            byte[] cut = Arrays.copyOf(input.bytes(), length);
            Throwable error = catchThrowable(() -> Parsing.parse(cut, ParseMode.LENIENT));
            assertThat(error).isInstanceOf(MicrocodeFormatException.class);
            MicrocodeFormatException format = (MicrocodeFormatException) error;
            assertThat(format.rule()).as(format.getMessage()).isIn(truncationRules);
            assertThat(format.offset()).as(format.getMessage()).isEqualTo(expectedTruncationOffset(input, length));
        });
    }
}
