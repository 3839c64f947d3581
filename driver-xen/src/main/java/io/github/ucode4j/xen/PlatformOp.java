package io.github.ucode4j.xen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct xen_platform_op}: 136 bytes, little-endian; {@code u32 cmd} at 0, {@code u32 interface_version}
 * at 4, a 128-byte union at 8. Each factory fills one command's fields; every other byte is zero, as Xen may
 * reject or misread stale bytes.
 */
final class PlatformOp {
    /** The size of {@code struct xen_platform_op}. */
    static final int SIZE = 136;
    /** {@code XENPF_INTERFACE_VERSION}. */
    static final int INTERFACE_VERSION = 0x03000001;

    /** {@code XENPF_microcode_update}: every Xen. */
    static final int MICROCODE_UPDATE = 35;
    /** {@code XENPF_get_cpu_version}. */
    static final int GET_CPU_VERSION = 48;
    /** {@code XENPF_get_cpuinfo}. */
    static final int GET_CPUINFO = 55;
    /** {@code XENPF_get_ucode_revision}: Xen 4.18 and later. */
    static final int GET_UCODE_REVISION = 65;
    /** {@code XENPF_microcode_update2}: Xen 4.20 and later. */
    static final int MICROCODE_UPDATE2 = 66;
    /** {@code XENPF_UCODE_FORCE}: load even when the revision is not newer. */
    static final int UCODE_FORCE = 1;

    /** Where the union starts: the first field of every command. */
    private static final int UNION = 8;

    private PlatformOp() {
    }

    /** {@code XENPF_microcode_update}: {@code u64 data} at 8, {@code u32 length} at 16. */
    static ByteBuffer microcodeUpdate(long dataAddress, int length) {
        return header(MICROCODE_UPDATE).putLong(UNION, dataAddress).putInt(UNION + 8, length);
    }

    /** {@code XENPF_microcode_update2}: {@code u32 flags} at 8, {@code u32 length} at 12, {@code u64 data} at 16. */
    static ByteBuffer microcodeUpdate2(int flags, long dataAddress, int length) {
        return header(MICROCODE_UPDATE2).putInt(UNION, flags).putInt(UNION + 4, length).putLong(UNION + 8, dataAddress);
    }

    /** {@code XENPF_get_cpu_version} for physical CPU {@code cpu}. */
    static ByteBuffer getCpuVersion(int cpu) {
        return header(GET_CPU_VERSION).putInt(UNION, cpu);
    }

    /** {@code XENPF_get_cpuinfo} for physical CPU {@code cpu}. */
    static ByteBuffer getCpuInfo(int cpu) {
        return header(GET_CPUINFO).putInt(UNION, cpu);
    }

    /** {@code XENPF_get_ucode_revision} for physical CPU {@code cpu}. */
    static ByteBuffer getUcodeRevision(int cpu) {
        return header(GET_UCODE_REVISION).putInt(UNION, cpu);
    }

    private static ByteBuffer header(int cmd) {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).putInt(0, cmd).putInt(4, INTERFACE_VERSION);
    }
}
