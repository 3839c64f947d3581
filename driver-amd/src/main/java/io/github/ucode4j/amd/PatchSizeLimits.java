package io.github.ucode4j.amd;

/**
 * The largest patch (header and body) each family accepts. Families 0x10 to 0x12 and 0x14 are the limits Linux
 * enforces; the others are Xen's sanity limits, and Xen's 2048 for every family it does not list.
 */
public final class PatchSizeLimits {
    /** What Xen allows a family it does not list. */
    public static final int DEFAULT_LIMIT = 2048;

    private PatchSizeLimits() {
    }

    /**
     * The largest patch, in bytes, a patch of {@code family} may be.
     *
     * @param family the displayed family, such as 0x19
     * @return the limit in bytes, header included; {@link #DEFAULT_LIMIT} for a family with no limit of its own
     */
    public static int maximumSize(int family) {
        return switch (family) {
            case 0x10, 0x11, 0x12 -> 2048;
            case 0x14 -> 1824;
            case 0x15 -> 4096;
            case 0x16 -> 3458;
            case 0x17 -> 3200;
            case 0x19 -> 5568;
            case 0x1a -> 15296;
            default -> DEFAULT_LIMIT;
        };
    }
}
