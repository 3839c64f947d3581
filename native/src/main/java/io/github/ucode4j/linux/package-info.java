/**
 * The Linux platform: {@link io.github.ucode4j.linux.PlatformProbe} reads every online CPU from
 * {@code /dev/cpu/N/{msr,cpuid}}, sysfs and procfs (all under configurable {@link io.github.ucode4j.linux.LinuxRoots});
 * {@link io.github.ucode4j.linux.MsrBackend} loads through the trigger MSRs from pinned threads and locked, aligned
 * buffers; {@link io.github.ucode4j.linux.KernelBackend} points the kernel's firmware loader at a private folder, asks
 * the kernel to reload, and puts everything back.
 */
package io.github.ucode4j.linux;
