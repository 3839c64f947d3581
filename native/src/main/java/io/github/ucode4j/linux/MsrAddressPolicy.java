package io.github.ucode4j.linux;

/**
 * Which address the {@code msr} backend writes to the vendor's trigger MSR. Neither vendor documents whether a
 * CPU accepts an update from user-space memory (SMAP may stop it), so both are offered; the backend reads the
 * revision back either way and reports which one it used.
 */
public enum MsrAddressPolicy {
    /**
     * The locked buffer's own user-space address. The kernel executes the write on the target CPU in the
     * caller's address space only when the caller already runs there, so the thread must be pinned to that CPU
     * (the backend checks). Needs no knowledge of the kernel's layout. The default.
     */
    USER_ADDRESS,
    /**
     * The kernel's direct-map alias of the buffer: the physmap base plus the physical address from
     * {@code /proc/self/pagemap} (root only). Reachable from any address space, as a kernel loader's own buffer
     * is. Needs the right physmap base: with KASLR the kernel randomises it, and the default base is wrong.
     */
    KERNEL_DIRECT_MAP
}
