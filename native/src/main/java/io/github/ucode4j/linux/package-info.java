/**
 * The Linux platform: {@link io.github.ucode4j.linux.PlatformProbe} reads every online CPU from
 * {@code /dev/cpu/N/{msr,cpuid}}, sysfs and procfs (all under configurable {@link io.github.ucode4j.linux.LinuxRoots});
 * {@link io.github.ucode4j.linux.MsrBackend} loads through the trigger MSRs from pinned threads and locked, aligned
 * buffers; {@link io.github.ucode4j.linux.KernelBackend} points the kernel's firmware loader at a private folder, asks
 * the kernel to reload, and puts everything back.
 *
 * <p>What a user of these backends needs: the two backends, {@link io.github.ucode4j.linux.MsrOptions} and
 * {@link io.github.ucode4j.linux.MsrAddressPolicy}, {@link io.github.ucode4j.linux.LinuxRoots}, and thread pinning
 * ({@link io.github.ucode4j.linux.ThreadPinning}, {@link io.github.ucode4j.linux.AffinityPinning#ofThisProcess()}).
 * The other public types (the CPU devices, {@code /proc/cpuinfo}, the availability checks, the platform notes, the
 * revision changes, the Intel platform id) are public because the {@code xen} backend reads dom0 through them; they
 * are not meant for other users and may change with it.
 */
package io.github.ucode4j.linux;
