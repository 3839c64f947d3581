package io.github.ucode4j.cache;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import java.util.List;
import java.util.Objects;

/**
 * One unique patch blob of a {@link MicrocodeCache}, with every place its bytes were found. Debian's Intel package
 * ships 166 patch entries that are 147 unique blobs; the cache keeps each blob once.
 *
 * <p>Equal when every component is equal, as a record is; the hash covers only where the patch was first seen,
 * which identifies it within a cache, so that a set of a cache's entries or patches never hashes a patch's bytes
 * (a patch with 40,000 extended signatures has 40,000 entries).
 *
 * @param patch the patch as first seen
 * @param origins every place the same bytes were found, in load order; the first is {@code patch.origin()}
 * @param bundleNumber the 1-based number, in load order, of the input the patch was first seen in
 * @param entryNumber the 1-based position of the patch within that input
 */
public record CachedPatch(MicrocodePatch patch, List<PatchOrigin> origins, int bundleNumber, int entryNumber) {

    /**
     * Copies the origins; requires at least one.
     *
     * @param patch the patch as first seen; not null
     * @param origins every place the same bytes were found; at least one, copied
     * @param bundleNumber the 1-based input number; 1 or more
     * @param entryNumber the 1-based position within that input; 1 or more
     * @throws IllegalArgumentException when there is no origin or a number is below 1
     */
    public CachedPatch {
        Objects.requireNonNull(patch, "patch");
        origins = List.copyOf(origins);
        if (origins.isEmpty() || bundleNumber < 1 || entryNumber < 1) {
            throw new IllegalArgumentException("a cached patch was found somewhere: " + origins + " " + bundleNumber + "/" + entryNumber);
        }
    }

    /** A hash of {@link #bundleNumber} and {@link #entryNumber}, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return 31 * bundleNumber + entryNumber;
    }
}
