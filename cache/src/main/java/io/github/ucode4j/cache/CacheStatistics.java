package io.github.ucode4j.cache;

/**
 * Counts of what a cache read and kept, as iucode_tool reports them with {@code -v}: {@code processed 166 valid
 * microcode(s), 278 signature(s), 167 unique signature(s)} and {@code selected 147 microcode(s), 167
 * signature(s)}, where a "signature" is a signature with its platform mask (and, when counting unique ones, the
 * revision).
 *
 * @param patchesRead patch entries read from every input
 * @param uniquePatches distinct patch blobs among them
 * @param signaturesRead signature and mask pairs declared by the entries read, extended signatures included, each
 *     pair once per entry (iucode_tool counts the header's pair again when the extended table repeats it)
 * @param uniqueSignatures distinct signature, mask and revision triples among them
 * @param patchesSelected distinct patches kept
 * @param signaturesSelected signature and mask pairs kept
 */
public record CacheStatistics(int patchesRead, int uniquePatches, int signaturesRead, int uniqueSignatures,
                              int patchesSelected, int signaturesSelected) {
}
