package io.github.ucode4j.cli.text;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.cache.CacheEntry;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.Selection;
import io.github.ucode4j.intel.IntelPatchDetails;
import io.github.ucode4j.intel.IucodeToolListing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code iucode_tool -L} and {@code iucode_tool -l} print on standard output for the same Intel inputs in the
 * same order, line for line. iucode_tool reads only Intel microcode and numbers only inputs that hold patches.
 */
public final class IucodeToolText {
    /** How the line naming a bundle starts, in both listings. */
    public static final String BUNDLE_LINE_START = "microcode bundle ";

    private IucodeToolText() {
    }

    /**
     * The listing: with {@code all}, every patch as {@code -L} lists it; else the bundles, then the entries the
     * cache keeps under {@code selection} merged in iucode_tool's (signed) revision order, as {@code -l} lists them.
     * Inputs of another vendor are skipped with a warning; an Intel input without patches (one iucode_tool loaded
     * and could not parse) is numbered and named, as iucode_tool names it before its error. Of different patches for the same signature, mask and
     * revision the first read is listed, as iucode_tool does, with a warning naming every place that ships one.
     *
     * @param bundles the inputs as parsed, in the order given
     * @param selection the signature filters and date limits iucode_tool's options ask for; unused with {@code all}
     * @param all true for {@code -L}'s listing, false for {@code -l}'s
     * @param warnings receives one line per input skipped and per conflict
     * @return the lines, without line ends
     * @throws MicrocodeFormatException never for such conflicts; declared by the cache's builder
     */
    public static List<String> lines(List<Bundle> bundles, Selection selection, boolean all, Consumer<String> warnings)
            throws MicrocodeFormatException {
        List<Bundle> intel = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (bundle.vendor() != Vendor.INTEL) {
                warnings.accept("skipped " + bundle.source() + ": iucode_tool lists Intel microcode only");
            } else {
                intel.add(bundle);
            }
        }
        List<String> lines = new ArrayList<>();
        if (all) {
            for (int i = 0; i < intel.size(); i++) {
                Bundle bundle = intel.get(i);
                lines.addAll(bundle.patches().isEmpty() ? List.of(IucodeToolListing.bundleLine(i + 1, bundle))
                        : IucodeToolListing.listAll(i + 1, bundle));
            }
            return lines;
        }
        MicrocodeCache cache = selected(intel, selection, warnings);
        for (int i = 0; i < intel.size(); i++) {
            lines.add(IucodeToolListing.bundleLine(i + 1, intel.get(i)));
        }
        lines.add("selected microcodes:");
        for (CacheEntry entry : cache.entries()) {
            lines.add(IucodeToolListing.signatureLine(entry.cached().bundleNumber(), entry.cached().entryNumber(),
                    entry.signature().eax(), entry.platformFlags().mask(), (IntelPatchDetails) entry.cached().patch().details()));
        }
        return lines;
    }

    /**
     * The Intel patches of {@code bundles} that iucode_tool selects under {@code selection}, merged in its (signed)
     * revision order: what its {@code -l} lists and its writers write. Of different patches for the same signature,
     * mask and revision the first read is kept, with a warning naming every place that ships one.
     *
     * @param bundles the inputs as parsed, in the order given; those of another vendor are left out
     * @param selection the signature filters and date limits iucode_tool's options ask for
     * @param warnings receives one line per conflict
     * @return a cache of the patches selected, in iucode_tool's revision order
     * @throws MicrocodeFormatException never for such conflicts; declared by the cache's builder
     */
    public static MicrocodeCache selected(List<Bundle> bundles, Selection selection, Consumer<String> warnings)
            throws MicrocodeFormatException {
        MicrocodeCache cache = MicrocodeCache.builder().revisionOrder(Revision.SIGNED).selection(selection)
                .addAll(bundles.stream().filter(bundle -> bundle.vendor() == Vendor.INTEL).toList()).strict(false).build();
        cache.findings().forEach(finding -> warnings.accept(finding.toString()));
        return cache;
    }
}
