package io.github.ucode4j.xen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Xen's answer to {@code XENPF_get_cpuinfo}: {@code u32 max_present} at 12, {@code flags} at 16, {@code apic_id}
 * at 20, {@code acpi_id} at 24.
 *
 * @param maxPresent the highest physical CPU number present
 * @param flags {@code XEN_PCPU_FLAGS_ONLINE} (1), {@code XEN_PCPU_FLAGS_INVALID} (2)
 * @param apicId the CPU's APIC id
 * @param acpiId the CPU's ACPI id
 */
record PhysicalCpuInfo(int maxPresent, int flags, int apicId, int acpiId) {
    /** {@code XEN_PCPU_FLAGS_ONLINE}. */
    static final int ONLINE = 1;
    /** {@code XEN_PCPU_FLAGS_INVALID}: no CPU has this number. */
    static final int INVALID = 2;

    /** Reads the answer out of the op Xen wrote back. */
    static PhysicalCpuInfo decode(ByteBuffer op) {
        ByteBuffer le = op.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new PhysicalCpuInfo(le.getInt(12), le.getInt(16), le.getInt(20), le.getInt(24));
    }

    /** Whether a CPU has this number. */
    boolean present() {
        return (flags & INVALID) == 0;
    }

    /** Whether the CPU is online in Xen. */
    boolean online() {
        return present() && (flags & ONLINE) != 0;
    }
}
