package io.github.ucode4j.cli.iucode;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.cache.CachedPatch;

/**
 * A microcode as iucode_tool numbers it in its messages: the bundle it was read from and its place there.
 *
 * @param bundleNumber the 1-based number of the input, in load order
 * @param entryNumber the 1-based place of the microcode in that input
 * @param patch the microcode
 */
record NumberedMicrocode(int bundleNumber, int entryNumber, MicrocodePatch patch) {
    static NumberedMicrocode of(CachedPatch cached) {
        return new NumberedMicrocode(cached.bundleNumber(), cached.entryNumber(), cached.patch());
    }
}
