package io.github.ucode4j.xen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One hypercall as the privcmd driver takes it: {@code struct privcmd_hypercall { u64 op; u64 arg[5]; }}, 48
 * bytes, little-endian. Only the first argument is ever needed here; the other four are zero (a NULL pointer
 * where the hypercall takes one).
 *
 * @param op the hypercall number
 * @param arg0 the first argument
 */
record Hypercall(long op, long arg0) {
    /** {@code IOCTL_PRIVCMD_HYPERCALL}: {@code _IOC(_IOC_NONE, 'P', 0, 48)}. */
    static final long IOCTL_PRIVCMD_HYPERCALL = 0x00305000L;
    /** The size of {@code struct privcmd_hypercall}. */
    static final int SIZE = 48;
    /** {@code __HYPERVISOR_platform_op}. */
    static final long PLATFORM_OP = 7;
    /** {@code __HYPERVISOR_sysctl}. */
    static final long SYSCTL = 35;
    /** {@code __HYPERVISOR_xen_version}. */
    static final long XEN_VERSION = 17;
    /** {@code XENVER_version}: answers {@code major << 16 | minor}, with no buffer. */
    static final long XENVER_VERSION = 0;

    /** {@code platform_op(op)}, the platform op at {@code opAddress} (in hypercall-safe memory). */
    static Hypercall platformOp(long opAddress) {
        return new Hypercall(PLATFORM_OP, opAddress);
    }

    /** {@code sysctl(op)}, the sysctl op at {@code opAddress} (in hypercall-safe memory). */
    static Hypercall sysctl(long opAddress) {
        return new Hypercall(SYSCTL, opAddress);
    }

    /** {@code xen_version(XENVER_version, NULL)}. */
    static Hypercall xenVersion() {
        return new Hypercall(XEN_VERSION, XENVER_VERSION);
    }

    /** The 48 bytes handed to the ioctl. */
    ByteBuffer encode() {
        return ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN).putLong(0, op).putLong(8, arg0);
    }
}
