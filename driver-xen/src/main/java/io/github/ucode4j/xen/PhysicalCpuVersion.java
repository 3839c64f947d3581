package io.github.ucode4j.xen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Xen's answer to {@code XENPF_get_cpu_version}: {@code u32 max_present} at 12, {@code char vendor_id[12]} at 16
 * (not NUL-terminated), and the displayed {@code family}, {@code model}, {@code stepping} at 28, 32, 36.
 *
 * @param maxPresent the highest physical CPU number present
 * @param vendor the CPUID vendor string, up to its first NUL
 * @param family the displayed family
 * @param model the displayed model
 * @param stepping the stepping
 */
record PhysicalCpuVersion(int maxPresent, String vendor, int family, int model, int stepping) {
    private static final int VENDOR_LENGTH = 12;

    /** Reads the answer out of the op Xen wrote back. */
    static PhysicalCpuVersion decode(ByteBuffer op) {
        ByteBuffer le = op.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        byte[] vendor = new byte[VENDOR_LENGTH];
        le.get(16, vendor);
        int length = 0;
        while (length < VENDOR_LENGTH && vendor[length] != 0) {
            length++;
        }
        return new PhysicalCpuVersion(le.getInt(12), new String(vendor, 0, length, StandardCharsets.US_ASCII),
                le.getInt(28), le.getInt(32), le.getInt(36));
    }
}
