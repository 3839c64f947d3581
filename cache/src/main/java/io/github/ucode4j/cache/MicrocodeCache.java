package io.github.ucode4j.cache;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.Vendor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The global microcode cache: every patch of any number of inputs (both vendors mixed), each distinct blob stored
 * once, and per processor signature and platform mask the patches that matter under a {@link MergeRule} and a
 * {@link Selection}.
 *
 * <p>Built once, before anything is applied, and immutable afterwards, so that the load rendezvous reads it
 * without locks (the design of Xen's 2019 late-loading series). Thread-safe.
 */
public final class MicrocodeCache {
    private final List<CachedPatch> all;
    private final List<CacheEntry> entries;
    private final Map<CpuSignature, List<CacheEntry>> bySignature;
    private final Map<CpuSignature, List<MicrocodePatch>> candidates;
    private final List<Finding> findings;
    private final CacheStatistics statistics;

    private MicrocodeCache(List<CachedPatch> all, List<CacheEntry> entries, Map<CpuSignature, List<MicrocodePatch>> candidates,
                           List<Finding> findings, CacheStatistics statistics) {
        this.all = List.copyOf(all);
        Map<CpuSignature, List<MicrocodePatch>> newestFirst = new HashMap<>();
        candidates.forEach((signature, patches) -> newestFirst.put(signature,
                patches.stream().sorted(Comparator.comparing(MicrocodePatch::revision).reversed()).toList()));
        this.candidates = Map.copyOf(newestFirst);
        this.entries = entries.stream().sorted(CacheEntry.LISTING_ORDER).toList();
        Map<CpuSignature, List<CacheEntry>> index = new HashMap<>();
        for (CacheEntry entry : this.entries) {
            index.computeIfAbsent(entry.signature(), s -> new ArrayList<>()).add(entry);
        }
        index.replaceAll((s, list) -> List.copyOf(list));
        this.bySignature = Map.copyOf(index);
        this.findings = List.copyOf(findings);
        this.statistics = statistics;
    }

    /**
     * A cache to fill.
     *
     * @return an empty builder: by default it merges by {@link MergeRule#NEWEST} in the unsigned revision order,
     *     selects everything, and stops on a conflict
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The kept entries, signature ascending and platform mask descending (iucode_tool's listing order).
     *
     * @return every kept entry; unmodifiable, empty when nothing was kept
     */
    public List<CacheEntry> entries() {
        return entries;
    }

    /**
     * The kept entries for {@code signature}, platform mask descending.
     *
     * @param signature the processor signature; not null
     * @return the entries kept for it; unmodifiable, empty when none is
     */
    public List<CacheEntry> entries(CpuSignature signature) {
        return bySignature.getOrDefault(signature, List.of());
    }

    /**
     * Every selected patch that declares {@code signature}, newest first, whether the merge kept it or not. The
     * planner falls back on an older one when a vendor rule objects to the newest: an AMD container can hold a
     * patch for each side of a fix, and an older Intel patch may be safe to late-load where the newest is not.
     *
     * @param signature the processor signature; not null
     * @return the candidates, newest first in the unsigned order; unmodifiable, empty when no selected patch declares
     *     it
     */
    public List<MicrocodePatch> candidates(CpuSignature signature) {
        return candidates.getOrDefault(signature, List.of());
    }

    /**
     * The distinct kept patches, in the order of their first entry in {@link #entries()}.
     *
     * @return each kept patch once; unmodifiable
     */
    public List<CachedPatch> patches() {
        Set<CachedPatch> seen = new LinkedHashSet<>();
        entries.forEach(e -> seen.add(e.cached()));
        return List.copyOf(seen);
    }

    /**
     * Every distinct patch read, selected or not, in load order.
     *
     * @return each distinct patch of every input once; unmodifiable
     */
    public List<CachedPatch> allPatches() {
        return all;
    }

    /**
     * Conflicts and other observations made while building.
     *
     * @return the findings of the build, in the order they were made; unmodifiable
     */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * What was read and kept.
     *
     * @return how many patches were read, how many were distinct and how many were kept
     */
    public CacheStatistics statistics() {
        return statistics;
    }

    /**
     * Whether nothing was kept.
     *
     * @return {@code true} when no entry was kept: no input held a patch, or the selection left none
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Fills a {@link MicrocodeCache}. Not thread-safe; each {@link #build()} makes an independent cache. */
    public static final class Builder {
        private final List<Bundle> bundles = new ArrayList<>();
        private MergeRule mergeRule = MergeRule.NEWEST;
        private Comparator<Revision> revisionOrder = Revision.UNSIGNED;
        private Selection selection = Selection.all();
        private boolean strict = true;

        private Builder() {
        }

        /**
         * Adds an input's patches, in load order.
         *
         * @param bundle an input's patches; not null
         * @return this builder
         */
        public Builder add(Bundle bundle) {
            bundles.add(Objects.requireNonNull(bundle, "bundle"));
            return this;
        }

        /**
         * Adds inputs, in load order.
         *
         * @param more inputs' patches, in load order; not null, without null elements
         * @return this builder
         */
        public Builder addAll(Collection<Bundle> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * How two patches for the same processor are chosen between; {@link MergeRule#NEWEST} by default.
         *
         * @param rule the merge rule; not null
         * @return this builder
         */
        public Builder mergeRule(MergeRule rule) {
            this.mergeRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * The order in which the merge compares revisions: {@link Revision#UNSIGNED} by default, as the loaders
         * compare; {@link Revision#SIGNED} to choose as iucode_tool does, for which a revision with bit 31 set
         * (pre-production) is older than every other.
         *
         * @param order the revision order; not null
         * @return this builder
         */
        public Builder revisionOrder(Comparator<Revision> order) {
            this.revisionOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * Which patches to keep; everything by default.
         *
         * @param only the selection; not null
         * @return this builder
         */
        public Builder selection(Selection only) {
            this.selection = Objects.requireNonNull(only, "selection");
            return this;
        }

        /**
         * Whether two different patches with the same signature, mask and revision stop the build (the default)
         * or only produce a finding. Not strict, the patch read first (in input order) is kept, the later ones are
         * ignored, and one {@link Severity#WARNING} finding per signature, mask and revision so claimed names every
         * place that ships it: iucode_tool keeps the same one. Strict is stricter than iucode_tool: its default
         * {@code --strict-checks} aborts only when the data after the header differ, and keeps the first silently
         * when only the headers do (the same patch shipped under another primary signature); this cache compares
         * whole patches, so a command that must accept what iucode_tool accepts builds without strict mode.
         *
         * @param stopOnConflict {@code true} to throw on such a conflict, {@code false} to keep the first patch and
         *     report it
         * @return this builder
         */
        public Builder strict(boolean stopOnConflict) {
            this.strict = stopOnConflict;
            return this;
        }

        /**
         * Builds the cache.
         *
         * @return a new, immutable cache of the inputs added so far
         * @throws MicrocodeFormatException in strict mode, when two different patches claim the same signature,
         *     platform mask and revision ({@link CacheRule#CONFLICTING_PATCHES}), at the second one and naming the
         *     first
         */
        public MicrocodeCache build() throws MicrocodeFormatException {
            List<Finding> findings = new ArrayList<>();
            List<CachedPatch> unique = deduplicate();
            checkConflicts(unique, findings);
            Map<CpuSignature, List<CacheEntry>> kept = new LinkedHashMap<>();
            Map<CpuSignature, List<MicrocodePatch>> candidates = new HashMap<>();
            for (CachedPatch cached : unique) {
                // A patch is a candidate once per signature, however many masks it declares there.
                Set<CpuSignature> declared = new HashSet<>();
                for (PatchTarget target : cached.patch().targets()) {
                    if (selection.selects(target, cached.patch())) {
                        if (declared.add(target.signature())) {
                            candidates.computeIfAbsent(target.signature(), s -> new ArrayList<>()).add(cached.patch());
                        }
                        merge(kept.computeIfAbsent(target.signature(), s -> new ArrayList<>()), new CacheEntry(target.signature(), target.platformFlags(), cached));
                    }
                }
            }
            List<CacheEntry> entries = kept.values().stream().flatMap(List::stream).toList();
            return new MicrocodeCache(unique, entries, candidates, findings, statistics(unique, entries));
        }

        // Identical blobs share vendor, revision and size, so only patches that share those have their bytes
        // compared: no digest, and no pass over the bytes of a patch that has no twin.
        private List<CachedPatch> deduplicate() {
            record BlobKey(Vendor vendor, int revision, int size) {
            }
            Map<BlobKey, List<PatchAccumulator>> byKey = new HashMap<>();
            List<PatchAccumulator> order = new ArrayList<>();
            for (int b = 0; b < bundles.size(); b++) {
                List<MicrocodePatch> patches = bundles.get(b).patches();
                for (int p = 0; p < patches.size(); p++) {
                    MicrocodePatch patch = patches.get(p);
                    BlobKey key = new BlobKey(patch.vendor(), patch.revision().value(), patch.size());
                    List<PatchAccumulator> sameKey = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                    PatchAccumulator same = sameKey.stream().filter(a -> a.patch.sameBytes(patch)).findFirst().orElse(null);
                    if (same == null) {
                        same = new PatchAccumulator(patch, b + 1, p + 1);
                        sameKey.add(same);
                        order.add(same);
                    }
                    same.origins.add(patch.origin());
                }
            }
            return order.stream().map(a -> new CachedPatch(a.patch, a.origins, a.bundleNumber, a.entryNumber)).toList();
        }

        // One finding per signature, mask and revision claimed by different bytes, however many inputs ship it.
        private void checkConflicts(List<CachedPatch> unique, List<Finding> findings) throws MicrocodeFormatException {
            record Key(Vendor vendor, CpuSignature signature, PlatformFlags flags, int revision) {
            }
            Map<Key, List<CachedPatch>> claimants = new LinkedHashMap<>();
            for (CachedPatch cached : unique) {
                MicrocodePatch patch = cached.patch();
                for (PatchTarget target : patch.targets()) {
                    Key key = new Key(patch.vendor(), target.signature(), target.platformFlags(), patch.revision().value());
                    List<CachedPatch> same = claimants.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!same.contains(cached)) {
                        same.add(cached);
                    }
                }
            }
            for (Map.Entry<Key, List<CachedPatch>> claim : claimants.entrySet()) {
                List<CachedPatch> same = claim.getValue();
                if (same.size() > 1) {
                    conflict(claim.getKey().signature(), claim.getKey().flags(), same, findings);
                }
            }
        }

        private void conflict(CpuSignature signature, PlatformFlags flags, List<CachedPatch> same, List<Finding> findings)
                throws MicrocodeFormatException {
            PatchOrigin first = same.get(0).patch().origin();
            PatchOrigin at = same.get(1).patch().origin();
            String others = same.subList(1, same.size()).stream().map(c -> c.patch().origin().toString())
                    .collect(Collectors.joining(", "));
            String detail = "signature " + signature.hex() + " pf " + flags + " rev " + same.get(0).patch().revision()
                    + " also at " + first + " with different bytes";
            if (strict) {
                throw new MicrocodeFormatException(CacheRule.CONFLICTING_PATCHES, at.source(), at.offset(), detail);
            }
            findings.add(new Finding(Severity.WARNING, CacheRule.CONFLICTING_PATCHES.code(), at.source(), at.offset(),
                    CacheRule.CONFLICTING_PATCHES.rule() + ": " + detail + "; shipped at " + others + "; the first one, at "
                            + first + ", is kept"));
        }

        // The iucode_tool merge, per signature. Under LAST_LOADED a patch from a later input wins over one from an
        // earlier input whatever the revisions; within one input, and always under NEWEST, the newer one wins.
        private void merge(List<CacheEntry> kept, CacheEntry candidate) {
            for (CacheEntry entry : kept) {
                if (entry.platformFlags().covers(candidate.platformFlags()) && !wins(candidate, entry, false)) {
                    return;
                }
            }
            // As iucode_tool does, an entry without platform flags goes only along with one that has them (or with
            // another without them): a patch that replaces nothing else leaves it in place.
            boolean replacesAny = kept.stream().anyMatch(entry -> replaceable(entry.platformFlags(), candidate.platformFlags())
                    && wins(candidate, entry, true));
            kept.removeIf(entry -> wins(candidate, entry, true) && (replaceable(entry.platformFlags(), candidate.platformFlags())
                    || replacesAny && entry.platformFlags().mask() == 0));
            kept.add(candidate);
        }

        private static boolean replaceable(PlatformFlags kept, PlatformFlags by) {
            return kept.equals(by) || (kept.mask() != 0 && by.covers(kept));
        }

        private boolean wins(CacheEntry candidate, CacheEntry entry, boolean onTie) {
            if (mergeRule == MergeRule.LAST_LOADED && candidate.cached().bundleNumber() != entry.cached().bundleNumber()) {
                return candidate.cached().bundleNumber() > entry.cached().bundleNumber();
            }
            int order = revisionOrder.compare(candidate.revision(), entry.revision());
            return order > 0 || (order == 0 && onTie);
        }

        private CacheStatistics statistics(List<CachedPatch> unique, List<CacheEntry> entries) {
            record Claim(Vendor vendor, PatchTarget target, int revision) {
            }
            int read = 0;
            int signaturesRead = 0;
            Set<Claim> distinctClaims = new HashSet<>();
            for (Bundle bundle : bundles) {
                for (MicrocodePatch patch : bundle.patches()) {
                    read++;
                    signaturesRead += patch.targets().size();
                    patch.targets().forEach(t -> distinctClaims.add(new Claim(patch.vendor(), t, patch.revision().value())));
                }
            }
            int selected = (int) entries.stream().map(CacheEntry::cached).distinct().count();
            return new CacheStatistics(read, unique.size(), signaturesRead, distinctClaims.size(), selected, entries.size());
        }
    }

    private static final class PatchAccumulator {
        final MicrocodePatch patch;
        final int bundleNumber;
        final int entryNumber;
        final List<PatchOrigin> origins = new ArrayList<>();

        PatchAccumulator(MicrocodePatch patch, int bundleNumber, int entryNumber) {
            this.patch = patch;
            this.bundleNumber = bundleNumber;
            this.entryNumber = entryNumber;
        }
    }
}
