package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A patch: {@code revision} in hex, {@code date} as {@code YYYY-MM-DD} (null when the patch has no valid date),
 * {@code size} in bytes, {@code sha256} of the bytes a loader receives, where it was read, the
 * {@code minimum_revision} a safe late load needs (Intel {@code min_req_ver}, AMD's minimum as Xen reads it; null
 * when the patch names none), and the entries of an Intel patch's {@code metadata} block.
 *
 * @param revision the revision, in hex
 * @param date the date as {@code YYYY-MM-DD}, or null when the patch has no valid date
 * @param size the patch's length in bytes
 * @param sha256 the SHA-256 digest of the bytes a loader receives, in lower-case hex
 * @param source the input the patch was read from
 * @param offset the patch's offset within that input, in bytes
 * @param minimumRevision the running revision a safe late load needs, in hex, or null when the patch names none
 * @param metadata the entries of an Intel patch's metadata block, in block order; empty for others
 */
public record PatchJson(String revision, String date, int size, String sha256, String source, long offset,
                        String minimumRevision, List<MetadataJson> metadata) {

    /**
     * The DTO for {@code patch}.
     *
     * @param patch the patch
     * @return the document part for that patch; computing it reads the whole patch for its digest
     */
    public static PatchJson of(MicrocodePatch patch) {
        return new PatchJson(patch.revision().toString(), patch.date().map(LocalDate::toString).orElse(null), patch.size(),
                patch.sha256(), patch.origin().source(), patch.origin().offset(),
                patch.minimumRevision().map(Revision::toString).orElse(null), MetadataJson.of(patch));
    }

    /**
     * The DTO for {@code patch}, or null when absent.
     *
     * @param patch the patch, or empty
     * @return the document part for the patch, or null when there is none
     */
    public static PatchJson ofNullable(Optional<MicrocodePatch> patch) {
        return patch.map(PatchJson::of).orElse(null);
    }
}
