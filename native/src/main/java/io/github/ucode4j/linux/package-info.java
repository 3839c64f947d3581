/**
 * The Linux platform: the platform probe reads every online CPU from
 * {@code /dev/cpu/N/{msr,cpuid}}, sysfs and procfs (all under configurable {@link io.github.ucode4j.linux.LinuxRoots});
 * {@link io.github.ucode4j.linux.MsrBackend} loads through the trigger MSRs from pinned threads and locked, aligned
 * buffers; {@link io.github.ucode4j.linux.KernelBackend} points the kernel's firmware loader at a private folder, asks
 * the kernel to reload, and puts everything back.
 *
 * <p>What a user of these backends needs: the two backends, {@link io.github.ucode4j.linux.MsrOptions} and
 * {@link io.github.ucode4j.linux.MsrAddressPolicy}, {@link io.github.ucode4j.linux.LinuxRoots}, and thread pinning
 * ({@link io.github.ucode4j.linux.ThreadPinning}, {@link io.github.ucode4j.linux.AffinityPinning#ofThisProcess()}).
 * These are the package's only public types (a test holds the list): what the {@code xen} backend shares with this
 * module's backends lives in {@code io.github.ucode4j.linux.host}, exported to it alone.
 */
package io.github.ucode4j.linux;
