/**
 * The Linux platform: {@link io.github.ucode4j.linux.PlatformProbe} reads every online CPU from
 * {@code /dev/cpu/N/{msr,cpuid}}, sysfs and procfs (all under configurable {@link io.github.ucode4j.linux.LinuxRoots});
 * {@link io.github.ucode4j.linux.MsrBackend} loads through the trigger MSRs from pinned threads and locked, aligned
 * buffers; {@link io.github.ucode4j.linux.KernelBackend} stages a firmware file and asks the kernel to reload.
 */
package io.github.ucode4j.linux;
