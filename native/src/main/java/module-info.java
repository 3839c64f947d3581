/**
 * ucode4j on Linux: the platform read through {@code /dev/cpu/N/{msr,cpuid}}, sysfs and procfs; thread pinning
 * and locked, aligned buffers through the C library; the apply backends {@code msr} (bare metal, per CPU) and
 * {@code kernel} (the kernel's own late loading).
 *
 * <p>JNA binds the C library and is this module's own business: none of its types is in an exported signature.
 * The C-library layer ({@code libc}) is exported to the {@code xen} backend only.
 */
// JNA's jar names its module only in the manifest.
@SuppressWarnings("requires-automatic")
module io.github.ucode4j.linux {
    requires transitive io.github.ucode4j.api;
    requires com.sun.jna;

    exports io.github.ucode4j.linux;
    exports io.github.ucode4j.linux.libc to io.github.ucode4j.xen;

    provides io.github.ucode4j.api.spi.ApplyBackend with io.github.ucode4j.linux.KernelBackend, io.github.ucode4j.linux.MsrBackend;
}
