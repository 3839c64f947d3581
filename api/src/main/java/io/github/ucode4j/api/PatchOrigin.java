package io.github.ucode4j.api;

import java.util.Objects;

/**
 * Where a patch was read: the source (usually a file path) and the byte offset of its first byte there.
 *
 * @param source the name of the input, as given to the parser
 * @param offset the offset of the patch's first byte within the source
 */
public record PatchOrigin(String source, long offset) {

    /**
     * Requires a source and a non-negative offset.
     *
     * @param source the name of the input; not null
     * @param offset the offset of the patch's first byte; 0 or more
     * @throws IllegalArgumentException when {@code offset} is negative
     */
    public PatchOrigin {
        Objects.requireNonNull(source, "source");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
    }

    /** {@code source@0x1c00}. */
    @Override
    public String toString() {
        return source + "@0x" + Long.toHexString(offset);
    }
}
