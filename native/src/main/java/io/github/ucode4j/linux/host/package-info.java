/**
 * The Linux host as ucode4j's backends read it: the CPU device files ({@link io.github.ucode4j.linux.host.CpuDevices}
 * behind {@link io.github.ucode4j.linux.host.MsrReader}, {@link io.github.ucode4j.linux.host.MsrAccess} and
 * {@link io.github.ucode4j.linux.host.CpuidAccess}; through the C library, or for reading only through Java's file
 * channels, which need no native code), {@code /proc/cpuinfo}
 * ({@link io.github.ucode4j.linux.host.CpuInfo}), the reasons a backend cannot run on this host
 * ({@link io.github.ucode4j.linux.host.LinuxChecks}), per-CPU notes and the words for a revision change. Shared by the
 * {@code msr} and {@code kernel} backends and the {@code xen} backend, which reads dom0 through it; exported to the
 * {@code xen} backend only, and may change with it.
 */
package io.github.ucode4j.linux.host;
