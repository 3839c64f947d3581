package io.github.ucode4j.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * An x86 CPU vendor whose microcode ucode4j understands, with the rule that vendor's loaders use to decide
 * whether a patch may be loaded over the running revision.
 */
public enum Vendor {
    /** Intel: a patch loads only when its revision is strictly newer than the running one. */
    INTEL("GenuineIntel", false),
    /**
     * AMD: a patch loads when its revision is the same as or newer than the running one; Linux and Xen re-apply
     * the same revision so that every SMT thread carries it.
     */
    AMD("AuthenticAMD", true);

    private final String cpuidName;
    private final boolean reappliesSameRevision;

    Vendor(String cpuidName, boolean reappliesSameRevision) {
        this.cpuidName = cpuidName;
        this.reappliesSameRevision = reappliesSameRevision;
    }

    /**
     * The 12-character vendor string of CPUID leaf 0, as in {@code /proc/cpuinfo}'s {@code vendor_id}.
     *
     * @return {@code "GenuineIntel"} or {@code "AuthenticAMD"}
     */
    public String cpuidName() {
        return cpuidName;
    }

    /**
     * Whether the vendor's loaders load a patch whose revision equals the running revision.
     *
     * @return {@code true} for AMD, {@code false} for Intel
     */
    public boolean reappliesSameRevision() {
        return reappliesSameRevision;
    }

    /**
     * Whether a patch of revision {@code candidate} would be loaded over {@code running} by this vendor's rule.
     * Revisions are compared as unsigned 32-bit values, as the Linux and Xen loaders do (see {@link Revision}).
     *
     * @param running the revision the CPU runs; not null
     * @param candidate the revision of the patch; not null
     * @return whether this vendor's loaders would load the patch
     */
    public boolean wouldLoad(Revision running, Revision candidate) {
        int order = candidate.compareTo(running);
        return order > 0 || (order == 0 && reappliesSameRevision);
    }

    /**
     * The vendor whose CPUID vendor string is {@code name}, if ucode4j knows it.
     *
     * @param name a CPUID vendor string, such as {@code "GenuineIntel"}; matched exactly
     * @return the vendor, or empty for a vendor ucode4j does not know
     */
    public static Optional<Vendor> fromCpuidName(String name) {
        return Arrays.stream(values()).filter(v -> v.cpuidName.equals(name)).findFirst();
    }
}
