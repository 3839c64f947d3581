package io.github.ucode4j.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What decides which microcode a CPU takes: vendor, signature, platform flags and running revision. Each may be
 * unknown, for example the revision on Xen before 4.18, or the platform flags without MSR access; matching and
 * planning say so rather than guess.
 *
 * @param vendor the vendor, if known
 * @param signature the CPUID(1).EAX signature, if known
 * @param platformFlags the platform flags (one bit on Intel since family 6 model 5, none on AMD), if known
 * @param revision the running microcode revision, if known
 */
public record CpuState(Optional<Vendor> vendor, Optional<CpuSignature> signature,
                       Optional<PlatformFlags> platformFlags, Optional<Revision> revision) {

    /** A state with nothing known. */
    public static final CpuState UNKNOWN = new CpuState(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Requires every component to be non-null (empty when unknown).
     *
     * @param vendor the vendor, or empty when unknown; not null
     * @param signature the CPUID(1).EAX signature, or empty when unknown; not null
     * @param platformFlags the platform flags, or empty when unknown; not null
     * @param revision the running microcode revision, or empty when unknown; not null
     */
    public CpuState {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(platformFlags, "platformFlags");
        Objects.requireNonNull(revision, "revision");
    }

    /**
     * A state with every fact known.
     *
     * @param vendor the vendor; not null
     * @param signature the CPUID(1).EAX signature; not null
     * @param platformFlags the platform flags; not null
     * @param revision the running microcode revision; not null
     * @return a state in which every fact is present
     */
    public static CpuState of(Vendor vendor, CpuSignature signature, PlatformFlags platformFlags, Revision revision) {
        return new CpuState(Optional.of(vendor), Optional.of(signature), Optional.of(platformFlags), Optional.of(revision));
    }

    /**
     * This state with the revision replaced, as after a load.
     *
     * @param newRevision the revision the CPU now runs; not null
     * @return a copy of this state that knows the revision to be {@code newRevision}
     */
    public CpuState withRevision(Revision newRevision) {
        return new CpuState(vendor, signature, platformFlags, Optional.of(newRevision));
    }
}
