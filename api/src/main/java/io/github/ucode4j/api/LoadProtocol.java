package io.github.ucode4j.api;

import java.util.Objects;

/**
 * How a vendor's CPU is told to load a patch and how its revision is read back; what an apply backend needs
 * besides the patch bytes.
 *
 * @param vendor the vendor this protocol is for
 * @param triggerMsr the MSR written with the patch's address (Intel 0x79, AMD 0xC0010020)
 * @param addressOffset the offset within the patch bytes of the address written (Intel 48: the data after the
 *     header; AMD 0: the patch header)
 * @param alignment the alignment the address needs, in bytes (a power of two)
 * @param revisionRead how MSR 0x8B yields the revision
 * @param unit which threads load: one per core (SMT siblings share the engine) or every thread
 */
public record LoadProtocol(Vendor vendor, long triggerMsr, int addressOffset, int alignment,
                           RevisionRead revisionRead, LoadUnit unit) {

    /** The MSR that reports the running revision on both vendors (IA32_BIOS_SIGN_ID / PATCH_LEVEL). */
    public static final long REVISION_MSR = 0x8B;

    /** Intel: write 0x79 with the address of the data (header + 48), 16-byte aligned; one thread per core. */
    public static final LoadProtocol INTEL = new LoadProtocol(Vendor.INTEL, 0x79, 48, 16,
            RevisionRead.CLEAR_CPUID_HIGH_DWORD, LoadUnit.PER_CORE);

    /** AMD: write 0xC0010020 with the address of the patch header; every thread loads. */
    public static final LoadProtocol AMD = new LoadProtocol(Vendor.AMD, 0xC0010020L, 0, 16,
            RevisionRead.LOW_DWORD, LoadUnit.PER_THREAD);

    /**
     * @throws IllegalArgumentException when the offset is negative or the alignment not a power of two
     */
    public LoadProtocol {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(revisionRead, "revisionRead");
        Objects.requireNonNull(unit, "unit");
        if (addressOffset < 0 || alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("offset " + addressOffset + ", alignment " + alignment);
        }
    }

    /** How MSR 0x8B yields the running revision. */
    public enum RevisionRead {
        /** Intel: write 0 to MSR 0x8B, execute CPUID(1), read MSR 0x8B; the revision is the high 32 bits. */
        CLEAR_CPUID_HIGH_DWORD,
        /** AMD: read MSR 0x8B; the revision is the low 32 bits. */
        LOW_DWORD;

        /** The revision held in a raw MSR 0x8B value read by this rule. */
        public Revision decode(long msrValue) {
            return Revision.of((int) (this == CLEAR_CPUID_HIGH_DWORD ? msrValue >>> 32 : msrValue));
        }
    }

    /** Which logical CPUs load a patch. */
    public enum LoadUnit {
        /** The first thread of each core loads; its SMT siblings share the engine and only read the result. */
        PER_CORE,
        /** Every logical CPU loads. */
        PER_THREAD
    }
}
