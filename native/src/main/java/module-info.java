/**
 * ucode4j on Linux: the platform read through {@code /dev/cpu/N/{msr,cpuid}}, sysfs and procfs; thread pinning
 * and locked, aligned buffers through JNA; the apply backends {@code msr} (bare metal, per CPU) and
 * {@code kernel} (the kernel's own late loading).
 */
// JNA's jar names its module only in the manifest; its Pointer is part of this module's C-library interface.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.ucode4j.linux {
    requires transitive io.github.ucode4j.api;
    requires transitive com.sun.jna;

    exports io.github.ucode4j.linux;
    exports io.github.ucode4j.linux.libc;

    provides io.github.ucode4j.api.spi.ApplyBackend with io.github.ucode4j.linux.KernelBackend, io.github.ucode4j.linux.MsrBackend;
}
