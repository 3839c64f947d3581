package io.github.ucode4j.api;

import java.util.Objects;

/**
 * How a vendor's CPU is told to load a patch: what an apply backend needs besides the patch bytes. How its revision
 * is read is its driver's ({@link io.github.ucode4j.api.spi.MicrocodeOps#readRevision}).
 *
 * @param vendor the vendor this protocol is for
 * @param triggerMsr the MSR written with the patch's address (Intel 0x79, AMD 0xC0010020)
 * @param addressOffset the offset within the patch bytes of the address written (Intel 48: the data after the
 *     header; AMD 0: the patch header)
 * @param alignment the alignment the address needs, in bytes (a power of two)
 * @param unit which threads load: one per core (SMT siblings share the engine) or every thread
 */
public record LoadProtocol(Vendor vendor, long triggerMsr, int addressOffset, int alignment, LoadUnit unit) {

    /** Intel: write 0x79 with the address of the data (header + 48), 16-byte aligned; one thread per core. */
    public static final LoadProtocol INTEL = new LoadProtocol(Vendor.INTEL, 0x79, 48, 16, LoadUnit.PER_CORE);

    /** AMD: write 0xC0010020 with the address of the patch header; every thread loads. */
    public static final LoadProtocol AMD = new LoadProtocol(Vendor.AMD, 0xC0010020L, 0, 16, LoadUnit.PER_THREAD);

    /**
     * @throws IllegalArgumentException when the offset is negative or the alignment not a power of two
     */
    public LoadProtocol {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(unit, "unit");
        if (addressOffset < 0 || alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("offset " + addressOffset + ", alignment " + alignment);
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
