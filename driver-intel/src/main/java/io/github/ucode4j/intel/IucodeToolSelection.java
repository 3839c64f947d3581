package io.github.ucode4j.intel;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * iucode_tool's selection of every loaded patch (no filters), with its merge rules, to reproduce {@code -l}
 * output and its {@code -v} counts. Each signature of each patch (the header's and every extended entry's) is
 * merged in load order with the entries already kept for that processor signature:
 *
 * <ul>
 *   <li>an entry with the signature, platform mask and revision of any entry loaded before (kept or not) is a
 *       duplicate and dropped; when the two data areas have the same size and different bytes, that is also a
 *       {@link IntelRule#CONFLICTING_DUPLICATE} finding (iucode_tool stops there under its strict checks; it also
 *       stops for some overlapping masks, which this class does not reproduce);
 *   <li>an entry is dropped when a kept entry's mask is a superset of its own with a revision at least as new;
 *   <li>otherwise it is kept; when some kept entry has a revision no newer and a non-empty mask that is a subset
 *       of its own (or both masks are 0), every kept entry whose mask is a subset of its own (0 included) with a
 *       revision no newer is removed. Masks that are not subsets of one another coexist.
 * </ul>
 *
 * <p>Revisions compare <b>signed</b> here ({@link Revision#SIGNED}), as iucode_tool does: a revision with bit 31
 * set is older than every other. Load decisions elsewhere compare them unsigned. Not thread-safe.
 */
public final class IucodeToolSelection {
    private static final Comparator<Entry> LISTING_ORDER = Comparator
            .comparing((Entry e) -> e.signature(), Integer::compareUnsigned)
            .thenComparing((Entry e) -> e.platformFlags(), (a, b) -> Integer.compareUnsigned(b, a));

    private final List<String> bundleLines = new ArrayList<>();
    private final Map<Integer, List<Entry>> kept = new TreeMap<>(Integer::compareUnsigned);
    private final Map<List<Integer>, Entry> firstBySignatureMaskAndRevision = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private int processedMicrocodes;
    private int processedSignatures;

    /** An empty selection; {@link #add(Bundle)} the bundles in the order iucode_tool is given the files. */
    public IucodeToolSelection() {
        // nothing loaded yet
    }

    /**
     * One signature of one loaded patch.
     *
     * @param bundleNumber the bundle's number, from 1 in load order
     * @param patchNumber the patch's number within its bundle, from 1
     * @param signature the processor signature
     * @param platformFlags the raw platform mask for that signature
     * @param patch the patch
     */
    public record Entry(int bundleNumber, int patchNumber, int signature, int platformFlags, MicrocodePatch patch) {

        /** The line {@code iucode_tool -l} prints for this entry. */
        public String line() {
            return IucodeToolListing.signatureLine(bundleNumber, patchNumber, signature, platformFlags,
                    IucodeToolListing.details(patch));
        }

        Revision revision() {
            return patch.revision();
        }
    }

    /**
     * Loads the next bundle: numbers it, and merges every signature of its patches. A bundle without patches is
     * skipped, as iucode_tool skips such an input.
     *
     * @throws IllegalArgumentException when the bundle holds a patch that is not Intel's
     */
    public void add(Bundle bundle) {
        if (bundle.patches().isEmpty()) {
            return; // iucode_tool skips an input without patches and gives it no number
        }
        int bundleNumber = bundleLines.size() + 1;
        bundleLines.add(IucodeToolListing.bundleLine(bundleNumber, bundle));
        List<MicrocodePatch> patches = bundle.patches();
        for (int i = 0; i < patches.size(); i++) {
            MicrocodePatch patch = patches.get(i);
            IntelPatchDetails details = IucodeToolListing.details(patch);
            processedMicrocodes++;
            merge(new Entry(bundleNumber, i + 1, details.signature(), details.platformFlags(), patch));
            for (ExtendedSignature extended : details.extendedSignatures()) {
                merge(new Entry(bundleNumber, i + 1, extended.signature(), extended.platformFlags(), patch));
            }
        }
    }

    private void merge(Entry candidate) {
        processedSignatures++;
        Entry loaded = firstBySignatureMaskAndRevision.putIfAbsent(
                List.of(candidate.signature(), candidate.platformFlags(), candidate.revision().value()), candidate);
        if (loaded != null) {
            if (!sameData(loaded.patch(), candidate.patch())) {
                conflict(loaded, candidate);
            }
            return;
        }
        List<Entry> sameSignature = kept.computeIfAbsent(candidate.signature(), s -> new ArrayList<>());
        if (sameSignature.stream().anyMatch(existing -> covers(existing, candidate))) {
            return;
        }
        if (sameSignature.stream().anyMatch(existing -> triggersReplacement(existing, candidate))) {
            sameSignature.removeIf(existing -> covers(candidate, existing));
        }
        sameSignature.add(candidate);
    }

    /** Whether {@code wider}'s mask includes {@code narrower}'s (0 included) with a revision at least as new. */
    private static boolean covers(Entry wider, Entry narrower) {
        return isSubset(narrower.platformFlags(), wider.platformFlags())
                && Revision.SIGNED.compare(wider.revision(), narrower.revision()) >= 0;
    }

    /**
     * Whether {@code existing} sets off replacement by {@code candidate}: iucode_tool replaces only when some kept
     * mask is a non-empty subset of the new one (or both are 0) with a revision no newer; a kept mask of 0 then goes
     * along with the other subsets.
     */
    private static boolean triggersReplacement(Entry existing, Entry candidate) {
        int mask = existing.platformFlags();
        boolean subset = mask == candidate.platformFlags() || (mask != 0 && isSubset(mask, candidate.platformFlags()));
        return subset && Revision.SIGNED.compare(existing.revision(), candidate.revision()) <= 0;
    }

    private void conflict(Entry existing, Entry candidate) {
        findings.add(new Finding(Severity.ERROR, IntelRule.CONFLICTING_DUPLICATE.code(),
                candidate.patch().origin().source(), candidate.patch().origin().offset(),
                String.format("microcode %03d/%03d has the same signature 0x%08x, pf_mask 0x%02x and revision as "
                                + "%03d/%03d, but different data", candidate.bundleNumber(), candidate.patchNumber(),
                        candidate.signature(), candidate.platformFlags(), existing.bundleNumber(),
                        existing.patchNumber())));
    }

    /** Whether the data areas (between header and extended table) are equal; sizes that differ never conflict. */
    private static boolean sameData(MicrocodePatch a, MicrocodePatch b) {
        int aSize = IucodeToolListing.details(a).effectiveDataSize();
        int bSize = IucodeToolListing.details(b).effectiveDataSize();
        int header = IntelLayout.HEADER_SIZE;
        return aSize != bSize || a.bytes().slice(header, aSize).equals(b.bytes().slice(header, bSize));
    }

    private static boolean isSubset(int mask, int of) {
        return (mask & ~of) == 0;
    }


    /** The kept entries in listing order: signature ascending, then platform mask descending. */
    public List<Entry> selected() {
        return kept.values().stream().flatMap(List::stream).sorted(LISTING_ORDER).toList();
    }

    /**
     * What {@code iucode_tool -l} prints on standard output: a line per bundle loaded, {@code selected
     * microcodes:}, then a line per selected signature.
     */
    public List<String> listing() {
        List<String> lines = new ArrayList<>(bundleLines);
        lines.add("selected microcodes:");
        selected().forEach(e -> lines.add(e.line()));
        return lines;
    }

    /**
     * The counts {@code iucode_tool -v} reports on standard error, without its program-name prefix:
     * {@code processed N valid microcode(s), N signature(s), N unique signature(s)} and
     * {@code selected N microcode(s), N signature(s)}.
     */
    public List<String> summary() {
        List<Entry> selected = selected();
        long selectedMicrocodes = selected.stream().map(e -> List.of(e.bundleNumber(), e.patchNumber())).distinct().count();
        return List.of(
                "processed " + processedMicrocodes + " valid microcode(s), " + processedSignatures + " signature(s), "
                        + firstBySignatureMaskAndRevision.size() + " unique signature(s)",
                "selected " + selectedMicrocodes + " microcode(s), " + selected.size() + " signature(s)");
    }

    /** Duplicates with different bytes met so far. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
