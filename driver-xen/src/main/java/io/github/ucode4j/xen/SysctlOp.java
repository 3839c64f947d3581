package io.github.ucode4j.xen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;

/**
 * {@code struct xen_sysctl}: 136 bytes, little-endian; {@code u32 cmd} at 0, {@code u32 interface_version} at 4, a
 * 128-byte union at 8, laid out as {@link PlatformOp}. Unlike the platform op's, the sysctl interface version
 * changes between Xen releases, and Xen answers EACCES to any other than its own.
 */
final class SysctlOp {
    /** The size of {@code struct xen_sysctl}. */
    static final int SIZE = 136;
    /** {@code XEN_SYSCTL_cputopoinfo}. */
    static final int CPUTOPOINFO = 16;

    /** The first Xen whose sysctl interface version ucode4j knows. */
    static final XenVersion FIRST_KNOWN = new XenVersion(4, 17);
    private static final XenVersion VERSION_0X16 = new XenVersion(4, 21);

    private SysctlOp() {
    }

    /** {@code XEN_SYSCTL_INTERFACE_VERSION} of the Xen {@code version}: 0x15 from 4.17, 0x16 from 4.21; else empty. */
    static OptionalInt interfaceVersion(XenVersion version) {
        if (!version.atLeast(FIRST_KNOWN)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(version.atLeast(VERSION_0X16) ? 0x16 : 0x15);
    }

    /**
     * {@code XEN_SYSCTL_cputopoinfo}: {@code u32 num_cpus} at 8, the handle of an array of {@code num_cpus}
     * {@link PhysicalCore#SIZE}-byte entries at 16. Xen fills the entries of the CPUs up to its last online one and
     * writes back how many it filled.
     */
    static ByteBuffer cpuTopologyInfo(int interfaceVersion, int numCpus, long entriesAddress) {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).putInt(0, CPUTOPOINFO).putInt(4, interfaceVersion)
                .putInt(8, numCpus).putLong(16, entriesAddress);
    }

    /** The {@code num_cpus} Xen wrote back into a {@code XEN_SYSCTL_cputopoinfo} op. */
    static int filledCpus(ByteBuffer op) {
        return op.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(8);
    }
}
