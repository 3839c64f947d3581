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
 */
public record DiffJson(Map<String, Long> counts, List<Change> changes) {

    /** One changed entry. */
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
