package io.github.ucode4j.api;

/**
 * A processor signature: the raw value of CPUID leaf 1 EAX.
 *
 * <p>Signatures are compared as the full 32-bit value, never as decoded fields, because two different raw values
 * can decode to the same family, model and stepping (the processor type bits 13:12, for one). The decoded fields
 * follow the architectural rules: the extended family is added only when the base family is 0xf, and the extended
 * model only when the resulting family is 6 or above.
 *
 * @param eax the raw CPUID(1).EAX value
 */
public record CpuSignature(int eax) implements Comparable<CpuSignature> {

    /**
     * The signature whose raw value is {@code eax}.
     *
     * @param eax the raw CPUID(1).EAX value, any 32 bits
     * @return the signature of that raw value
     */
    public static CpuSignature of(int eax) {
        return new CpuSignature(eax);
    }

    /**
     * Encodes the displayed family, model and stepping into the canonical raw signature (processor type 0), the
     * inverse of {@link #family()}, {@link #model()} and {@link #stepping()}. Xen's {@code XENPF_get_cpu_version},
     * for one, reports only the displayed values.
     *
     * @param family the displayed family, 0 to 0x10e
     * @param model the displayed model, 0 to 0xff (0 to 0xf when the family is below 6)
     * @param stepping the stepping, 0 to 0xf
     * @return the signature with processor type 0 that displays as these values
     * @throws IllegalArgumentException when the values cannot be encoded (family above 0x10e, model above 0xff, or
     *     above 0xf for a family below 6, stepping above 0xf)
     */
    public static CpuSignature fromDisplay(int family, int model, int stepping) {
        if (family < 0 || family > 0xf + 0xff) {
            throw new IllegalArgumentException("family out of range: 0x" + Integer.toHexString(family));
        }
        if (model < 0 || model > (family >= 6 ? 0xff : 0xf)) {
            throw new IllegalArgumentException(
                    "model 0x" + Integer.toHexString(model) + " cannot be encoded for family 0x" + Integer.toHexString(family));
        }
        if (stepping < 0 || stepping > 0xf) {
            throw new IllegalArgumentException("stepping out of range: 0x" + Integer.toHexString(stepping));
        }
        int baseFamily = Math.min(family, 0xf);
        int extendedFamily = family - baseFamily;
        return new CpuSignature(extendedFamily << 20 | (model >> 4) << 16 | baseFamily << 8 | (model & 0xf) << 4 | stepping);
    }

    /**
     * The displayed family: base family, plus the extended family when the base family is 0xf.
     *
     * @return the displayed family, 0 to 0x10e
     */
    public int family() {
        int family = (eax >>> 8) & 0xf;
        return family == 0xf ? family + ((eax >>> 20) & 0xff) : family;
    }

    /**
     * The displayed model: base model, plus the extended model shifted by 4 when the family is 6 or above.
     *
     * @return the displayed model, 0 to 0xff
     */
    public int model() {
        int model = (eax >>> 4) & 0xf;
        return family() >= 6 ? model + (((eax >>> 16) & 0xf) << 4) : model;
    }

    /**
     * The stepping, bits 3:0.
     *
     * @return the stepping, 0 to 0xf
     */
    public int stepping() {
        return eax & 0xf;
    }

    /**
     * Family, model and stepping as {@code ff-mm-ss} in lower-case hex, as Intel firmware files are named.
     *
     * @return such as {@code 06-55-04}
     */
    public String familyModelStepping() {
        return String.format("%02x-%02x-%02x", family(), model(), stepping());
    }

    /**
     * The raw value as {@code 0x%08x}.
     *
     * @return such as {@code 0x00050654}
     */
    public String hex() {
        return String.format("0x%08x", eax);
    }

    /** Orders by the raw value, unsigned. */
    @Override
    public int compareTo(CpuSignature other) {
        return Integer.compareUnsigned(eax, other.eax);
    }

    /** {@code 0x00050654 (06-55-04)}. */
    @Override
    public String toString() {
        return hex() + " (" + familyModelStepping() + ")";
    }
}
