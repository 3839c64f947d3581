package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Revision;

/**
 * From family 0x17 (Zen) on, a {@code patch_id} names the CPU it is for: bits 31:24 extended family, 23:20
 * extended model, 19:16 reserved, 15:12 model, 11:8 stepping, 7:0 the revision proper. {@code 0x0a00107a} is
 * revision 0x7a for CPUID {@code 0x00a00f10}.
 */
public final class ZenPatchId {
    /** The first family whose patch ids encode the CPU. */
    public static final int FIRST_ZEN_FAMILY = 0x17;

    private ZenPatchId() {
    }

    /**
     * Whether patches of {@code family} are matched through their patch id rather than the equivalence table.
     *
     * @param family the displayed family, such as 0x19
     * @return true for family 0x17 and later
     */
    public static boolean isZen(int family) {
        return family >= FIRST_ZEN_FAMILY;
    }

    /**
     * The CPUID(1).EAX value {@code patchId} encodes (base family 0xf, processor type 0).
     *
     * @param patchId a Zen patch's {@code patch_id}
     * @return the signature its upper 24 bits name
     */
    public static CpuSignature signatureOf(int patchId) {
        int extendedFamily = patchId >>> 24;
        int extendedModel = (patchId >>> 20) & 0xf;
        int model = (patchId >>> 12) & 0xf;
        int stepping = (patchId >>> 8) & 0xf;
        return CpuSignature.of(extendedFamily << 20 | extendedModel << 16 | 0xf << 8 | model << 4 | stepping);
    }

    /**
     * The lowest patch id for {@code signature}: its CPU fields with revision byte 0. Linux uses it as the running
     * revision of a CPU that reports 0.
     *
     * @param signature the CPU's signature
     * @return the revision with the CPU's extended family, extended model, model and stepping and a low byte of 0
     */
    public static Revision lowestRevision(CpuSignature signature) {
        int eax = signature.eax();
        int extendedFamily = (eax >>> 20) & 0xff;
        int extendedModel = (eax >>> 16) & 0xf;
        int model = (eax >>> 4) & 0xf;
        int stepping = eax & 0xf;
        return Revision.of(extendedFamily << 24 | extendedModel << 20 | model << 12 | stepping << 8);
    }
}
