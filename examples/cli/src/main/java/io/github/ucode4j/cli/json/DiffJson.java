package io.github.ucode4j.cli.json;

import io.github.ucode4j.cache.ReleaseDiff;
import io.github.ucode4j.cli.Display;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ucode diff --format=json}: how many entries changed in each way ({@code ADDED}, {@code REMOVED},
 * {@code UPDATED}, {@code DOWNGRADED}, {@code REBUILT}), and each change with the patch before and after (null when
 * added or removed).
 *
 * @param counts how many entries changed in each way, keyed by the kind of change
 * @param changes every change, in the order the diff found them
 */
public record DiffJson(Map<String, Long> counts, List<Change> changes) {

    /**
     * One changed entry.
     *
     * @param kind how the entry changed: {@code ADDED}, {@code REMOVED}, {@code UPDATED}, {@code DOWNGRADED} or {@code
     *     REBUILT}
     * @param vendor {@code intel} or {@code amd}
     * @param signature the entry's signature, as {@code 0x000906ea}
     * @param familyModelStepping the entry's signature, as {@code 06-9e-0a}
     * @param platformFlags the entry's platform-flags mask, as {@code 0x02}
     * @param before the patch in the older release, or null when the entry was added
     * @param after the patch in the newer release, or null when the entry was removed
     */
    public record Change(String kind, String vendor, String signature, String familyModelStepping, String platformFlags,
                         PatchJson before, PatchJson after) {
    }

    /**
     * The DTO for {@code diff}.
     *
     * @param diff the differences between two releases
     * @return the document, with the changes counted by kind
     */
    public static DiffJson of(ReleaseDiff diff) {
        Map<String, Long> counts = new TreeMap<>();
        diff.changes().forEach(c -> counts.merge(c.kind().name(), 1L, Long::sum));
        return new DiffJson(counts, diff.changes().stream()
                .map(c -> new Change(c.kind().name(), Display.vendor(c.vendor()), c.signature().hex(),
                        c.signature().familyModelStepping(), c.platformFlags().toString(), PatchJson.ofNullable(c.before()),
                        PatchJson.ofNullable(c.after())))
                .toList());
    }
}
