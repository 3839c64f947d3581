package io.github.ucode4j.cache;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.util.Comparator;
import java.util.Objects;

/**
 * A patch kept for one processor signature and platform mask: the cache's unit of selection. A patch with
 * extended signatures has an entry per signature it is kept for.
 *
 * @param signature the processor signature
 * @param platformFlags the platform mask the patch declares for that signature
 * @param cached the patch
 */
public record CacheEntry(CpuSignature signature, PlatformFlags platformFlags, CachedPatch cached) {

    /** iucode_tool's listing order, which ucode4j's writers follow: signature ascending, platform mask descending. */
    public static final Comparator<CacheEntry> LISTING_ORDER = Comparator.comparing(CacheEntry::vendor)
            .thenComparing(CacheEntry::signature)
            .thenComparing(e -> e.platformFlags().mask(), Comparator.reverseOrder());

    /**
     * Requires non-null components.
     *
     * @param signature the processor signature; not null
     * @param platformFlags the platform mask the patch declares for that signature; not null
     * @param cached the patch; not null
     */
    public CacheEntry {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(platformFlags, "platformFlags");
        Objects.requireNonNull(cached, "cached");
    }

    /**
     * The patch's vendor.
     *
     * @return the vendor of the patch kept
     */
    public Vendor vendor() {
        return cached.patch().vendor();
    }

    /**
     * The patch's revision.
     *
     * @return the revision of the patch kept
     */
    public Revision revision() {
        return cached.patch().revision();
    }
}
