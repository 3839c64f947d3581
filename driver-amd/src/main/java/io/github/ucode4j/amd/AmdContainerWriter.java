package io.github.ucode4j.amd;

import static io.github.ucode4j.amd.ContainerFormat.CONTAINER_HEADER_SIZE;
import static io.github.ucode4j.amd.ContainerFormat.EQUIVALENCE_TABLE_TYPE;
import static io.github.ucode4j.amd.ContainerFormat.MAGIC;
import static io.github.ucode4j.amd.ContainerFormat.PATCH_TYPE;
import static io.github.ucode4j.amd.ContainerFormat.SECTION_HEADER_SIZE;

import io.github.ucode4j.api.MicrocodePatch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes containers: one from a table and patch images, one merging many patches under a combined table, one per
 * patch (as {@code amd_ucode_info -s} splits), and the concatenation the early initramfs holds.
 */
public final class AmdContainerWriter {
    private AmdContainerWriter() {
    }

    /**
     * A container holding {@code table} as it is (its all-zero entry, if any, included) and each patch image (header
     * and body, no section header), in order. The buffer is positioned at 0, little-endian.
     *
     * @param table the equivalence table to write first
     * @param patches each patch's image, from its position to its limit (the buffers are not moved)
     * @return a new buffer holding the whole container
     */
    public static ByteBuffer write(EquivalenceTable table, List<ByteBuffer> patches) {
        long size = (long) CONTAINER_HEADER_SIZE + table.length();
        for (ByteBuffer patch : patches) {
            size += SECTION_HEADER_SIZE + patch.remaining();
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a container of " + size + " bytes does not fit in a buffer");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(EQUIVALENCE_TABLE_TYPE).putInt(table.length());
        table.entries().forEach(entry -> entry.writeTo(out));
        for (ByteBuffer patch : patches) {
            out.putInt(PATCH_TYPE).putInt(patch.remaining()).put(patch.duplicate());
        }
        return out.flip();
    }

    /**
     * One container holding every patch, in order, under a table with each patch's equivalence entries once and the
     * all-zero entry that every loader reads. A Zen patch whose entries do not name the CPU its patch id encodes
     * also gets an entry for that CPU (Xen matches Zen patches through the table too).
     *
     * @param patches the AMD patches to hold, in the order wanted
     * @return a new buffer holding the container, positioned at 0, little-endian
     * @throws IllegalArgumentException when a patch is not an AMD patch, or two patches map one CPU differently
     */
    public static ByteBuffer merge(List<MicrocodePatch> patches) {
        return merge(patches, TableEnd.ZERO_ENTRY);
    }

    /**
     * As {@link #merge(List)}, with the table ending as {@code end} says.
     *
     * @param patches the AMD patches to hold, in the order wanted
     * @param end whether the table ends with the all-zero entry
     * @return a new buffer holding the container, positioned at 0, little-endian
     * @throws IllegalArgumentException when a patch is not an AMD patch, or two patches map one CPU differently
     */
    public static ByteBuffer merge(List<MicrocodePatch> patches, TableEnd end) {
        List<EquivalenceEntry> entries = new ArrayList<>();
        patches.forEach(patch -> entries.addAll(entriesOf(patch)));
        return write(EquivalenceTable.combining(entries, end), patches.stream().map(MicrocodePatch::bytes).toList());
    }

    /**
     * One container per patch, each with only that patch's equivalence entries.
     *
     * @param patches the AMD patches, in the order wanted
     * @return one new buffer per patch, in the same order, each as {@link #merge(List)} writes it
     * @throws IllegalArgumentException when a patch is not an AMD patch
     */
    public static List<ByteBuffer> split(List<MicrocodePatch> patches) {
        return patches.stream().map(patch -> merge(List.of(patch))).toList();
    }

    /**
     * The containers back to back, as the kernel reads an early-load file.
     *
     * @param containers the containers, each from its position to its limit (the buffers are not moved)
     * @return a new buffer holding them in order, positioned at 0, little-endian
     * @throws IllegalArgumentException when together they exceed the 2 GiB a buffer can hold
     */
    public static ByteBuffer concatenate(List<ByteBuffer> containers) {
        long size = containers.stream().mapToLong(ByteBuffer::remaining).sum();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(size + " bytes do not fit in a buffer");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        containers.forEach(container -> out.put(container.duplicate()));
        return out.flip();
    }

    private static List<EquivalenceEntry> entriesOf(MicrocodePatch patch) {
        if (!(patch.details() instanceof AmdPatchDetails details)) {
            throw new IllegalArgumentException("not an AMD patch: " + patch);
        }
        AmdPatchHeader header = details.header();
        List<EquivalenceEntry> entries = new ArrayList<>(details.equivalenceEntries());
        if (header.isZen() && !details.installedCpus().contains(header.encodedSignature())) {
            entries.add(EquivalenceEntry.of(header.encodedSignature(), header.processorRevId()));
        }
        return entries;
    }
}
