package io.github.ucode4j.api;

import java.util.Objects;

/**
 * How a vendor's CPU is told to load a patch: what an apply backend needs besides the patch bytes. Each vendor's
 * driver gives its own ({@link io.github.ucode4j.api.spi.MicrocodeOps#loadProtocol}); how the revision is read is the
 * driver's too ({@link io.github.ucode4j.api.spi.MicrocodeOps#readRevision}).
 *
 * @param vendor the vendor this protocol is for
 * @param triggerMsr the MSR written with the patch's address (Intel 0x79, AMD 0xC0010020)
 * @param addressOffset the offset within the patch bytes of the address written (Intel 48: the data after the
 *     header; AMD 0: the patch header)
 * @param alignment the alignment the address needs, in bytes (a power of two)
 * @param unit which threads load: one per core (SMT siblings share the engine) or every thread
 */
public record LoadProtocol(Vendor vendor, long triggerMsr, int addressOffset, int alignment, LoadUnit unit) {

    /**
     * @param vendor the vendor this protocol is for; not null
     * @param triggerMsr the MSR written with the patch's address
     * @param addressOffset the offset within the patch bytes of the address written; 0 or more
     * @param alignment the alignment the address needs, in bytes; a power of two
     * @param unit which threads load; not null
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
