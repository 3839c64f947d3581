package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One 16-byte entry of an equivalence table: the CPU it is about and the equivalence id its patches carry in
 * {@code processor_rev_id}.
 *
 * @param installedCpu {@code installed_cpu}: the CPUID(1).EAX value
 * @param fixedErrataMask {@code fixed_errata_mask} (zero in every real file; no loader reads it)
 * @param fixedErrataCompare {@code fixed_errata_compare} (likewise)
 * @param equivalenceId {@code equiv_cpu}, 16 bits
 * @param reserved the reserved 16 bits that end the entry
 */
public record EquivalenceEntry(CpuSignature installedCpu, int fixedErrataMask, int fixedErrataCompare,
                               int equivalenceId, int reserved) {
    /** The size of an entry in bytes. */
    public static final int SIZE = 16;

    /** The all-zero entry that ends a table. */
    public static final EquivalenceEntry TERMINATOR = new EquivalenceEntry(CpuSignature.of(0), 0, 0, 0, 0);

    /**
     * Checks the 16-bit fields.
     *
     * @param installedCpu {@code installed_cpu}; not null
     * @param fixedErrataMask {@code fixed_errata_mask}, any 32 bits
     * @param fixedErrataCompare {@code fixed_errata_compare}, any 32 bits
     * @param equivalenceId {@code equiv_cpu}, 0 to 0xffff
     * @param reserved the reserved field, 0 to 0xffff
     * @throws IllegalArgumentException when the id or the reserved field does not fit in 16 bits
     * @throws NullPointerException when {@code installedCpu} is null
     */
    public EquivalenceEntry {
        Objects.requireNonNull(installedCpu, "installedCpu");
        if ((equivalenceId & ~0xffff) != 0 || (reserved & ~0xffff) != 0) {
            throw new IllegalArgumentException("equiv_cpu and reserved are 16 bits wide");
        }
    }

    /**
     * An entry mapping {@code installedCpu} to {@code equivalenceId}, with the other fields zero.
     *
     * @param installedCpu the CPU; not null
     * @param equivalenceId the id its patches carry, 0 to 0xffff
     * @return the entry
     * @throws IllegalArgumentException when the id does not fit in 16 bits
     */
    public static EquivalenceEntry of(CpuSignature installedCpu, int equivalenceId) {
        return new EquivalenceEntry(installedCpu, 0, 0, equivalenceId, 0);
    }

    /** Reads the entry at {@code offset}; the caller has checked that 16 bytes are there. */
    static EquivalenceEntry read(ByteBuffer littleEndian, int offset) {
        return new EquivalenceEntry(CpuSignature.of(littleEndian.getInt(offset)), littleEndian.getInt(offset + 4),
                littleEndian.getInt(offset + 8), Short.toUnsignedInt(littleEndian.getShort(offset + 12)),
                Short.toUnsignedInt(littleEndian.getShort(offset + 14)));
    }

    /** Writes the entry at the little-endian buffer's position, advancing it. */
    void writeTo(ByteBuffer littleEndian) {
        littleEndian.putInt(installedCpu.eax()).putInt(fixedErrataMask).putInt(fixedErrataCompare)
                .putShort((short) equivalenceId).putShort((short) reserved);
    }

    /**
     * Whether every field is zero, as in the entry that ends a table.
     *
     * @return true for the all-zero entry
     */
    public boolean isTerminator() {
        return equals(TERMINATOR);
    }
}
