package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.cli.Display;

/**
 * One patch for one processor signature and platform mask, numbered as iucode_tool numbers it: {@code bundle} is
 * the input's number, {@code entry} the patch's position in it (both from 1).
 *
 * @param bundle the input's number, from 1
 * @param entry the patch's position in its input, from 1
 * @param vendor {@code intel} or {@code amd}
 * @param signature the signature this entry is for, as {@code 0x000906ea}
 * @param familyModelStepping the same signature, as {@code 06-9e-0a}
 * @param platformFlags the platform-flags mask this entry is for, as {@code 0x02}
 * @param patch the patch, described once for all its entries
 */
public record EntryJson(int bundle, int entry, String vendor, String signature, String familyModelStepping,
                        String platformFlags, PatchJson patch) {

    /**
     * The DTO for a patch of {@code vendor} kept for {@code target}, described by {@code patch}: a patch with many
     * signatures is described once and shared by its entries, as its digest costs a pass over its bytes.
     *
     * @param bundle the input's number, from 1
     * @param entry the patch's position in its input, from 1
     * @param target the signature and platform mask this entry is for
     * @param vendor the patch's vendor
     * @param patch the patch's description, shared by its entries
     * @return the document part for that entry
     */
    public static EntryJson of(int bundle, int entry, PatchTarget target, Vendor vendor, PatchJson patch) {
        return new EntryJson(bundle, entry, Display.vendor(vendor), target.signature().hex(),
                target.signature().familyModelStepping(), target.platformFlags().toString(), patch);
    }
}
