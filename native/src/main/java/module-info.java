/**
 * ucode4j on Linux: the platform read through {@code /dev/cpu/N/{msr,cpuid}}, sysfs and procfs; thread pinning
 * and locked, aligned buffers through the C library; the apply backends {@code msr} (bare metal, per CPU) and
 * {@code kernel} (the kernel's own late loading).
 *
 * <p>JNA binds the C library and is this module's own business: none of its types is in an exported signature.
 * The package {@code io.github.ucode4j.linux} is the user API (the backends, their options, the roots, thread
 * pinning). The host as the backends read it ({@code host}: CPU devices, {@code /proc/cpuinfo}, the checks shared by
 * every backend on Linux) and the C-library layer ({@code libc}) are exported to the {@code xen} backend only.
 */
// JNA's jar names its module only in the manifest.
@SuppressWarnings("requires-automatic")
module io.github.ucode4j.linux {
    requires transitive io.github.ucode4j.api;
    requires com.sun.jna;

    exports io.github.ucode4j.linux;
    exports io.github.ucode4j.linux.host to io.github.ucode4j.xen;
    exports io.github.ucode4j.linux.libc to io.github.ucode4j.xen;

    provides io.github.ucode4j.api.spi.ApplyBackend with io.github.ucode4j.linux.KernelBackend, io.github.ucode4j.linux.MsrBackend;
}
