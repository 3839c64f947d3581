package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.testing.Generator;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generators of valid synthetic patches and containers, with the layout a parser should find in them. */
final class SyntheticInputs {
    /** Families with their own size limits, and two without (the default limit applies). */
    private static final int[] FAMILIES = {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a};

    private SyntheticInputs() {
    }

    /** One patch section as laid out in an input. */
    record Section(int start, int patchSize) {
        int patchStart() {
            return start + 8;
        }

        int end() {
            return patchStart() + patchSize;
        }
    }

    /** One container as laid out in an input. */
    record Shape(int start, int tableLength, List<Section> sections) {
        int end() {
            return sections.isEmpty() ? start + 12 + tableLength : sections.get(sections.size() - 1).end();
        }
    }

    /** Valid containers back to back, with their patches and layout. */
    record Input(List<List<SyntheticPatch>> containers, byte[] bytes, List<Shape> shapes) {
        List<SyntheticPatch> patches() {
            return containers.stream().flatMap(List::stream).toList();
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes);
        }
    }

    static Generator<SyntheticPatch> patches() {
        return random -> patch(random, FAMILIES[random.nextInt(FAMILIES.length)]);
    }

    static SyntheticPatch patch(SplittableRandom random, int family) {
        CpuSignature cpu = CpuSignature.fromDisplay(family, random.nextInt(0x100), random.nextInt(0x10));
        int revision = ZenPatchId.isZen(family)
                ? ZenPatchId.lowestRevision(cpu).value() | random.nextInt(0x100)
                : (family - 0xf) << 24 | random.nextInt(1 << 24);
        int maximumBody = AmdPatchBuilder.maximumBodySize(family);
        int body = random.nextInt(8) == 0 ? maximumBody : random.nextInt(Math.min(maximumBody, 600) + 1);
        return AmdPatchBuilder.forCpu(cpu)
                .revision(revision)
                .date(LocalDate.of(1999, 1, 1).plusDays(random.nextInt(12_000)))
                .bodySize(body)
                .seed(random.nextLong())
                .build();
    }

    /** One to three containers of one to four patches each. */
    static Generator<Input> inputs() {
        return random -> {
            List<List<SyntheticPatch>> containers = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                List<SyntheticPatch> patches = new ArrayList<>();
                int size = 1 + random.nextInt(4);
                for (int j = 0; j < size; j++) {
                    patches.add(patches().next(random));
                }
                containers.add(patches);
            }
            return input(containers);
        };
    }

    static Input input(List<List<SyntheticPatch>> containers) {
        return input(containers, TableEnd.ZERO_ENTRY);
    }

    /** The containers back to back, each table ending as {@code end} says. */
    static Input input(List<List<SyntheticPatch>> containers, TableEnd end) {
        List<ByteBuffer> buffers = containers.stream().map(patches -> SyntheticPatch.container(patches, end)).toList();
        byte[] bytes = toArray(AmdContainerWriter.concatenate(buffers));
        List<Shape> shapes = new ArrayList<>();
        int start = 0;
        for (List<SyntheticPatch> patches : containers) {
            int cpus = (int) patches.stream().map(SyntheticPatch::equivalenceEntry).distinct().count();
            int tableLength = (cpus + (end == TableEnd.ZERO_ENTRY ? 1 : 0)) * EquivalenceEntry.SIZE;
            List<Section> sections = new ArrayList<>();
            int section = start + 12 + tableLength;
            for (SyntheticPatch patch : patches) {
                sections.add(new Section(section, patch.image().remaining()));
                section += 8 + patch.image().remaining();
            }
            Shape shape = new Shape(start, tableLength, sections);
            shapes.add(shape);
            start = shape.end();
        }
        return new Input(containers, bytes, shapes);
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
