package io.github.ucode4j.api;

/**
 * Intel platform flags: an 8-bit mask with one bit per platform id (MSR 0x17 bits 52:50).
 *
 * <p>A patch carries a mask of the platforms it supports; a CPU has exactly one bit set (or none, on CPUs without
 * platform ids and on every AMD CPU). A patch fits a CPU when the masks intersect, or when both are zero.
 *
 * @param mask the mask, bits 0 to 7
 */
public record PlatformFlags(int mask) {

    /** No platform bits: AMD CPUs and patches, and Intel CPUs before family 6 model 5. */
    public static final PlatformFlags NONE = new PlatformFlags(0);

    /**
     * @param mask the mask; bits 0 to 7 only
     * @throws IllegalArgumentException when bits above 7 are set
     */
    public PlatformFlags {
        if ((mask & ~0xff) != 0) {
            throw new IllegalArgumentException("platform flags are 8 bits wide: 0x" + Integer.toHexString(mask));
        }
    }

    /**
     * The mask with these bits.
     *
     * @param mask the mask; bits 0 to 7 only
     * @return the flags with this mask; {@link #NONE} for 0
     * @throws IllegalArgumentException when bits above 7 are set
     */
    public static PlatformFlags of(int mask) {
        return mask == 0 ? NONE : new PlatformFlags(mask);
    }

    /**
     * The flags of a CPU whose platform id (MSR 0x17 bits 52:50) is {@code platformId}.
     *
     * @param platformId the CPU's platform id, 0 to 7
     * @return the flags with the one bit {@code 1 << platformId} set
     * @throws IllegalArgumentException when {@code platformId} is not 0 to 7
     */
    public static PlatformFlags ofPlatformId(int platformId) {
        if (platformId < 0 || platformId > 7) {
            throw new IllegalArgumentException("platform id is 3 bits wide: " + platformId);
        }
        return new PlatformFlags(1 << platformId);
    }

    /**
     * Whether a patch with these flags fits a CPU with {@code cpu} flags: the masks intersect, or both are zero.
     *
     * @param cpu the CPU's flags; not null
     * @return whether the patch fits that CPU's platform
     */
    public boolean fits(PlatformFlags cpu) {
        return (mask & cpu.mask) != 0 || (mask == 0 && cpu.mask == 0);
    }

    /**
     * Whether every bit of {@code other} is also set here.
     *
     * @param other the flags to test; not null
     * @return {@code true} when {@code other} has no bit that this mask lacks ({@link #NONE} is covered by every mask)
     */
    public boolean covers(PlatformFlags other) {
        return (mask & other.mask) == other.mask;
    }

    /** {@code 0x%02x}, as iucode_tool prints a pf_mask. */
    @Override
    public String toString() {
        return String.format("0x%02x", mask);
    }
}
