package io.github.ucode4j.linux;

import java.util.Locale;
import java.util.Objects;

/**
 * How the {@code msr} backend addresses a patch.
 *
 * @param addressPolicy which address the trigger MSR is given
 * @param physmapBase the virtual address where the kernel maps physical address 0 (its direct map), used by
 *     {@link MsrAddressPolicy#KERNEL_DIRECT_MAP}
 */
public record MsrOptions(MsrAddressPolicy addressPolicy, long physmapBase) {

    /**
     * The x86-64 direct-map base without KASLR, {@code 0xffff888000000000} (4-level paging). A kernel with KASLR
     * (most distributions' default) randomises it; pass the real base then, or use the user address.
     */
    public static final long NON_KASLR_PHYSMAP_BASE = 0xffff888000000000L;

    /** The system property choosing the policy: {@code user} or {@code direct-map}. */
    public static final String ADDRESS_PROPERTY = "ucode4j.msr.address";

    /** The system property giving the physmap base in hex ({@code 0xffff888000000000}). */
    public static final String PHYSMAP_PROPERTY = "ucode4j.msr.physmapBase";

    /** The user address, and the non-KASLR base for when the direct map is chosen. */
    public static final MsrOptions DEFAULT = new MsrOptions(MsrAddressPolicy.USER_ADDRESS, NON_KASLR_PHYSMAP_BASE);

    /**
     * Requires a policy.
     *
     * @param addressPolicy which address the trigger MSR is given; not null
     * @param physmapBase the virtual address of the kernel's direct map, read only with
     *     {@link MsrAddressPolicy#KERNEL_DIRECT_MAP}
     * @throws NullPointerException when {@code addressPolicy} is null
     */
    public MsrOptions {
        Objects.requireNonNull(addressPolicy, "addressPolicy");
    }

    /**
     * The options the system properties {@value #ADDRESS_PROPERTY} and {@value #PHYSMAP_PROPERTY} give, with
     * {@link #DEFAULT}'s values for those not set.
     *
     * @return the options the properties ask for, {@link #DEFAULT}'s for those not set
     * @throws IllegalArgumentException when a property holds something else
     */
    public static MsrOptions fromSystemProperties() {
        String policy = System.getProperty(ADDRESS_PROPERTY, "user").strip().toLowerCase(Locale.ROOT);
        MsrAddressPolicy addressPolicy = switch (policy) {
            case "user" -> MsrAddressPolicy.USER_ADDRESS;
            case "direct-map" -> MsrAddressPolicy.KERNEL_DIRECT_MAP;
            default -> throw new IllegalArgumentException(ADDRESS_PROPERTY + " must be 'user' or 'direct-map', not '" + policy + "'");
        };
        String base = System.getProperty(PHYSMAP_PROPERTY);
        if (base == null) {
            return new MsrOptions(addressPolicy, NON_KASLR_PHYSMAP_BASE);
        }
        String digits = base.strip().replaceFirst("^0[xX]", "");
        try {
            return new MsrOptions(addressPolicy, Long.parseUnsignedLong(digits, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PHYSMAP_PROPERTY + " must be a hex address, not '" + base + "'", e);
        }
    }
}
