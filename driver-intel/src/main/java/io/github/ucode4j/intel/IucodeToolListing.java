package io.github.ucode4j.intel;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodePatch;
import java.util.ArrayList;
import java.util.List;

/**
 * iucode_tool's listing lines, character for character, so that output can be compared with that tool's:
 * {@code -L} lists every patch of a bundle with its extended signatures, {@code -l} one line per selected
 * signature kept by the cache's selection.
 */
public final class IucodeToolListing {
    private IucodeToolListing() {
    }

    /**
     * What {@code iucode_tool -L} prints on standard output for the bundle it numbers {@code bundleNumber}: the
     * bundle line, then per patch its header line and a line per extended signature entry (the entry that repeats
     * the header included). Nothing for a bundle without patches, which iucode_tool skips.
     *
     * @param bundleNumber the bundle's number in iucode_tool's count of its inputs, from 1
     * @param bundle the bundle, as parsed from one input
     * @return the lines, without line ends; empty when the bundle has no patch
     * @throws IllegalArgumentException when the bundle holds a patch that is not Intel's
     */
    public static List<String> listAll(int bundleNumber, Bundle bundle) {
        if (bundle.patches().isEmpty()) {
            return List.of(); // iucode_tool skips an input without patches: no number, no line
        }
        List<String> lines = new ArrayList<>();
        lines.add(bundleLine(bundleNumber, bundle));
        List<MicrocodePatch> patches = bundle.patches();
        for (int i = 0; i < patches.size(); i++) {
            IntelPatchDetails details = details(patches.get(i));
            lines.add(signatureLine(bundleNumber, i + 1, details.signature(), details.platformFlags(), details));
            for (ExtendedSignature entry : details.extendedSignatures()) {
                lines.add(String.format("           sig 0x%08x, pf_mask 0x%02x, %s, rev 0x%04x", entry.signature(),
                        entry.platformFlags(), details.date(), details.revision()));
            }
        }
        return lines;
    }

    /**
     * {@code microcode bundle N: SOURCE}.
     *
     * @param bundleNumber the bundle's number in iucode_tool's count of its inputs, from 1
     * @param bundle the bundle, whose source names the input
     * @return the line, without line end
     */
    public static String bundleLine(int bundleNumber, Bundle bundle) {
        return "microcode bundle " + bundleNumber + ": " + bundle.source();
    }

    /**
     * {@code   BBB/PPP: sig 0x..., pf_mask 0x.., yyyy-mm-dd, rev 0x...., size N}: patch {@code patchNumber} of
     * bundle {@code bundleNumber}, for one of its signatures.
     *
     * @param bundleNumber the bundle's number in iucode_tool's count of its inputs, from 1
     * @param patchNumber the patch's number within its bundle, from 1
     * @param signature the signature this line is for: the header's or an extended entry's (CPUID(1).EAX)
     * @param platformFlags the platform-flags mask that goes with {@code signature}
     * @param details the patch's fields, which give the date, revision and size
     * @return the line, without line end
     */
    public static String signatureLine(int bundleNumber, int patchNumber, int signature, int platformFlags,
                                       IntelPatchDetails details) {
        return String.format("  %03d/%03d: sig 0x%08x, pf_mask 0x%02x, %s, rev 0x%04x, size %d", bundleNumber,
                patchNumber, signature, platformFlags, details.date(), details.revision(),
                Integer.toUnsignedLong(details.effectiveTotalSize()));
    }

    static IntelPatchDetails details(MicrocodePatch patch) {
        if (patch.details() instanceof IntelPatchDetails details) {
            return details;
        }
        throw new IllegalArgumentException("not an Intel patch: " + patch);
    }
}
