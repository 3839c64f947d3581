package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.cli.Display;

/**
 * One patch for one processor signature and platform mask, numbered as iucode_tool numbers it: {@code bundle} is
 * the input's number, {@code entry} the patch's position in it (both from 1).
 */
public record EntryJson(int bundle, int entry, String vendor, String signature, String familyModelStepping,
                        String platformFlags, PatchJson patch) {

    /** The DTO for {@code patch} kept for {@code target}. */
    public static EntryJson of(int bundle, int entry, PatchTarget target, MicrocodePatch patch) {
        return new EntryJson(bundle, entry, Display.vendor(patch.vendor()), target.signature().hex(),
                target.signature().familyModelStepping(), target.platformFlags().toString(), PatchJson.of(patch));
    }
}
