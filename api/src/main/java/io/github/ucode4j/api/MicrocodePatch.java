package io.github.ucode4j.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One microcode patch, as a vendor driver parsed and checked it: the vendor-neutral facts every caller needs, the
 * exact bytes a loader would be given, and the vendor's own fields.
 *
 * <p>Two patches are equal when every component is equal, including the bytes (compared by content).
 *
 * @param vendor the vendor the patch is for
 * @param revision the revision the CPU reports once the patch is loaded
 * @param date the release date, when the patch carries a valid one (one real AMD patch does not)
 * @param targets every signature and platform mask the patch supports, header first, in file order
 * @param minimumRevision the running revision a late load requires to be safe (Intel {@code min_req_ver}), if the
 *     patch says
 * @param bytes the patch as loaders receive it: Intel header, data and extended table; AMD patch header and body
 *     (without the 8-byte container section header)
 * @param origin where it was read
 * @param details the vendor driver's fields
 */
public record MicrocodePatch(Vendor vendor, Revision revision, Optional<LocalDate> date, List<PatchTarget> targets,
                             Optional<Revision> minimumRevision, ByteBuffer bytes, PatchOrigin origin,
                             PatchDetails details) {

    /**
     * Copies the targets and keeps a read-only little-endian view of the bytes (not a copy: parsers hand out
     * slices of the input).
     *
     * @param vendor the vendor the patch is for; not null
     * @param revision the revision the CPU reports once the patch is loaded; not null
     * @param date the release date, or empty; not null
     * @param targets every signature and platform mask the patch supports; at least one, copied
     * @param minimumRevision Intel's minimum running revision for a late load, or empty; not null
     * @param bytes the patch as loaders receive it, from its position to its limit; kept as a view, not copied
     * @param origin where it was read; not null
     * @param details the vendor driver's fields; not null
     * @throws IllegalArgumentException when there is no target
     */
    public MicrocodePatch {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(minimumRevision, "minimumRevision");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(details, "details");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a patch supports at least one processor");
        }
        bytes = bytes.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A fresh read-only little-endian view of the bytes, positioned at 0.
     *
     * @return a new view each call, so callers may move its position freely
     */
    @Override
    public ByteBuffer bytes() {
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The number of bytes.
     *
     * @return the patch's size in bytes, as a loader receives it
     */
    public int size() {
        return bytes.remaining();
    }

    /**
     * The first target: the Intel header's signature and mask, or the AMD patch's processor.
     *
     * @return the first of {@link #targets()}, present in every patch
     */
    public PatchTarget primaryTarget() {
        return targets.get(0);
    }

    /**
     * The SHA-256 digest of {@link #bytes()}, in lower-case hex.
     *
     * @return 64 lower-case hex digits, computed at each call
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * Whether both hold the same bytes.
     *
     * @param other another patch; not null
     * @return {@code true} when both patches' bytes are equal, whatever their other components
     */
    public boolean sameBytes(MicrocodePatch other) {
        return bytes.equals(other.bytes);
    }

    /** {@code INTEL rev 0x2007006 for 0x00050654 (06-55-04) pf 0xb7 from file@0x0}. */
    @Override
    public String toString() {
        PatchTarget primary = primaryTarget();
        return vendor + " rev " + revision + " for " + primary.signature() + " pf " + primary.platformFlags()
                + " from " + origin;
    }
}
