package io.github.ucode4j.cache;

/**
 * Counts of what a cache read and kept, the counts iucode_tool reports with {@code -v} (for Debian's Intel files:
 * 166 microcodes read, 251 signatures, 167 unique, 147 microcodes and 167 signatures selected), where a "signature"
 * is a signature with its platform mask (and, when counting unique ones, the revision). iucode_tool's own line says
 * 278 signatures read: it counts a header's pair again when the extended table repeats it, which
 * {@code signaturesRead} does not; {@code ucode iucode-tool} prints iucode_tool's figure.
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
