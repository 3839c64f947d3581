package io.github.ucode4j.amd;

import io.github.ucode4j.api.MicrocodePatch;
import java.util.List;
import java.util.Objects;

/**
 * One container as read: where it starts, its equivalence table and its patches.
 *
 * @param offset the offset of the container's magic within its input
 * @param table the equivalence table
 * @param patches the patches, in file order
 */
public record AmdContainer(long offset, EquivalenceTable table, List<MicrocodePatch> patches) {

    /**
     * Copies the patches.
     *
     * @param offset the offset of the container's magic within its input, in bytes
     * @param table the equivalence table; not null
     * @param patches the patches, in file order; not null
     * @throws NullPointerException when {@code table} or {@code patches} (or one of them) is null
     */
    public AmdContainer {
        Objects.requireNonNull(table, "table");
        patches = List.copyOf(patches);
    }
}
