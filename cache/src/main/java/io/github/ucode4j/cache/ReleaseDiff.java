package io.github.ucode4j.cache;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Vendor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two releases (two firmware directories, two packages): per vendor, signature and
 * platform mask, the entries added, removed, updated and downgraded, with old and new revisions and dates.
 *
 * @param changes the changes, in listing order (vendor, signature ascending, mask descending)
 */
public record ReleaseDiff(List<Change> changes) {

    /**
     * Copies the list.
     *
     * @param changes the changes, in listing order; copied
     */
    public ReleaseDiff {
        changes = List.copyOf(changes);
    }

    /** What happened to one entry. */
    public enum Kind {
        /** Only the new release has it. */
        ADDED,
        /** Only the old release has it. */
        REMOVED,
        /** The new release has a newer revision. */
        UPDATED,
        /** The new release has an older revision. */
        DOWNGRADED,
        /** Same revision, different bytes: a silent re-release, worth a look. */
        REBUILT
    }

    /**
     * One changed entry.
     *
     * @param kind what happened
     * @param vendor the vendor
     * @param signature the processor signature
     * @param platformFlags the platform mask
     * @param before the old release's patch, absent when added
     * @param after the new release's patch, absent when removed
     */
    public record Change(Kind kind, Vendor vendor, CpuSignature signature, PlatformFlags platformFlags,
                         Optional<MicrocodePatch> before, Optional<MicrocodePatch> after) {

        /**
         * Requires non-null components.
         *
         * @param kind what happened; not null
         * @param vendor the vendor
         * @param signature the processor signature
         * @param platformFlags the platform mask
         * @param before the old release's patch, empty when added; not null
         * @param after the new release's patch, empty when removed; not null
         */
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * The changes from {@code before} to {@code after}; entries identical in both are left out.
     *
     * @param before the cache of the old release; not null
     * @param after the cache of the new release; not null
     * @return the changes in listing order; empty when both releases keep the same patches
     */
    public static ReleaseDiff between(MicrocodeCache before, MicrocodeCache after) {
        record Key(Vendor vendor, CpuSignature signature, PlatformFlags flags) {
        }
        Map<Key, CacheEntry> old = new LinkedHashMap<>();
        before.entries().forEach(e -> old.put(new Key(e.vendor(), e.signature(), e.platformFlags()), e));
        Map<Key, CacheEntry> current = new LinkedHashMap<>();
        after.entries().forEach(e -> current.put(new Key(e.vendor(), e.signature(), e.platformFlags()), e));
        List<CacheEntry> ordered = new ArrayList<>(old.values());
        current.forEach((key, entry) -> {
            if (!old.containsKey(key)) {
                ordered.add(entry);
            }
        });
        ordered.sort(CacheEntry.LISTING_ORDER);
        List<Change> changes = new ArrayList<>();
        for (CacheEntry entry : ordered) {
            Key key = new Key(entry.vendor(), entry.signature(), entry.platformFlags());
            Optional<MicrocodePatch> was = Optional.ofNullable(old.get(key)).map(e -> e.cached().patch());
            Optional<MicrocodePatch> is = Optional.ofNullable(current.get(key)).map(e -> e.cached().patch());
            kind(was, is).ifPresent(kind -> changes.add(new Change(kind, key.vendor(), key.signature(), key.flags(), was, is)));
        }
        return new ReleaseDiff(changes);
    }

    private static Optional<Kind> kind(Optional<MicrocodePatch> was, Optional<MicrocodePatch> is) {
        if (was.isEmpty()) {
            return Optional.of(Kind.ADDED);
        }
        if (is.isEmpty()) {
            return Optional.of(Kind.REMOVED);
        }
        int order = is.get().revision().compareTo(was.get().revision());
        if (order != 0) {
            return Optional.of(order > 0 ? Kind.UPDATED : Kind.DOWNGRADED);
        }
        return was.get().sameBytes(is.get()) ? Optional.empty() : Optional.of(Kind.REBUILT);
    }
}
