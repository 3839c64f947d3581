package io.github.ucode4j.amd;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A patch made by {@link AmdPatchBuilder}: its header, its image and the equivalence entry that maps its CPU to it.
 *
 * @param header the header written at the start of the image
 * @param image the patch as loaders receive it (header and body), read-only, positioned at 0
 * @param equivalenceEntry the table entry for the patch's CPU
 */
public record SyntheticPatch(AmdPatchHeader header, ByteBuffer image, EquivalenceEntry equivalenceEntry) {

    /**
     * Keeps a read-only view of the image.
     *
     * @param header the header at the start of the image; not null
     * @param image the patch image, from its position to its limit; not null, and not moved
     * @param equivalenceEntry the table entry for the patch's CPU; not null
     * @throws NullPointerException when an argument is null
     */
    public SyntheticPatch {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(equivalenceEntry, "equivalenceEntry");
        image = image.asReadOnlyBuffer();
    }

    /**
     * A fresh view of the image, positioned at 0.
     *
     * @return a new read-only view; reading it moves no other view
     */
    @Override
    public ByteBuffer image() {
        return image.duplicate();
    }

    /**
     * A container holding only this patch.
     *
     * @return a new buffer holding the container, its table ending with the all-zero entry
     */
    public ByteBuffer container() {
        return container(List.of(this));
    }

    /**
     * A container holding {@code patches} in order, under a table with each patch's entry once.
     *
     * @param patches the patches, in the order wanted
     * @return a new buffer holding the container, its table ending with the all-zero entry
     * @throws IllegalArgumentException when two patches map one CPU to different equivalence ids
     */
    public static ByteBuffer container(List<SyntheticPatch> patches) {
        return container(patches, TableEnd.ZERO_ENTRY);
    }

    /**
     * As {@link #container(List)}, with the table ending as {@code end} says.
     *
     * @param patches the patches, in the order wanted
     * @param end whether the table ends with the all-zero entry
     * @return a new buffer holding the container
     * @throws IllegalArgumentException when two patches map one CPU to different equivalence ids
     */
    public static ByteBuffer container(List<SyntheticPatch> patches, TableEnd end) {
        EquivalenceTable table = EquivalenceTable.combining(patches.stream().map(SyntheticPatch::equivalenceEntry).toList(), end);
        return AmdContainerWriter.write(table, patches.stream().map(SyntheticPatch::image).toList());
    }
}
