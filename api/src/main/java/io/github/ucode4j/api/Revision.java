package io.github.ucode4j.api;

import java.util.Comparator;

/**
 * A microcode revision: an unsigned 32-bit value (Intel's header {@code rev}, AMD's {@code patch_id}, and what MSR
 * 0x8B reports).
 *
 * <p><b>Ordering policy.</b> The natural order is unsigned, because that is how the Linux and Xen loaders decide
 * what is newer: an Intel revision with bit 31 set (the SDM calls these pre-production and signed-negative) is
 * therefore newer than every production revision, so ucode4j never proposes to replace a pre-production
 * revision with a production one by itself. {@link #SIGNED} is the order iucode_tool uses when it lists and merges
 * Intel patches; the cache merges in it only when asked to reproduce iucode_tool's choices.
 *
 * @param value the raw 32-bit revision
 */
public record Revision(int value) implements Comparable<Revision> {

    /** The order the Linux and Xen loaders use, and the natural order of revisions. */
    public static final Comparator<Revision> UNSIGNED = (a, b) -> Integer.compareUnsigned(a.value, b.value);

    /** Two's-complement order, as iucode_tool compares Intel revisions (negative = pre-production). */
    public static final Comparator<Revision> SIGNED = (a, b) -> Integer.compare(a.value, b.value);

    /**
     * The revision whose raw value is {@code value}.
     *
     * @param value the raw 32-bit revision, any value
     * @return the revision of that raw value
     */
    public static Revision of(int value) {
        return new Revision(value);
    }

    /**
     * The revision as an unsigned number.
     *
     * @return the value as 0 to 0xffffffff
     */
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    /**
     * Whether bit 31 is set: an Intel pre-production revision, by the SDM's reading.
     *
     * @return {@code true} when bit 31 is set
     */
    public boolean isPreProduction() {
        return value < 0;
    }

    @Override
    public int compareTo(Revision other) {
        return UNSIGNED.compare(this, other);
    }

    /**
     * Whether this revision is strictly newer than {@code other} in the unsigned order.
     *
     * @param other the revision to compare with; not null
     * @return {@code true} when this revision is above {@code other} as an unsigned value; {@code false} when equal or
     *     older
     */
    public boolean isNewerThan(Revision other) {
        return compareTo(other) > 0;
    }

    /** {@code 0x%x}, as the kernel's sysfs {@code microcode/version} prints it. */
    @Override
    public String toString() {
        return "0x" + Integer.toHexString(value);
    }
}
