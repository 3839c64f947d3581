package io.github.ucode4j.xen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Xen's answer to {@code XENPF_get_ucode_revision} (Xen 4.18 and later): {@code u32 signature} at 12, {@code pf}
 * at 16 (the platform flags as a mask, zero on AMD), {@code revision} at 20.
 *
 * @param signature the raw CPUID(1).EAX
 * @param platformFlags the platform flags mask
 * @param revision the running microcode revision
 */
record UcodeRevision(int signature, int platformFlags, int revision) {

    /** Reads the answer out of the op Xen wrote back. */
    static UcodeRevision decode(ByteBuffer op) {
        ByteBuffer le = op.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new UcodeRevision(le.getInt(12), le.getInt(16), le.getInt(20));
    }
}
