/**
 * Late loading. {@link io.github.ucode4j.rendezvous.LateLoader} does the whole job (plan, host-wide lock, load,
 * read back, {@link io.github.ucode4j.rendezvous.LoadReport}) on any backend. For per-CPU backends it uses the
 * rendezvous in which per-CPU backends load microcode: {@link io.github.ucode4j.rendezvous.Rendezvous} holds
 * every CPU with a pinned thread, loads the control CPU first and then the others in parallel, enforces a call-in
 * and a progress deadline, and reports one {@link io.github.ucode4j.api.CpuResult} per CPU in a
 * {@link io.github.ucode4j.rendezvous.RendezvousReport}.
 *
 * <p>Every public type here is an immutable value except {@code Rendezvous} and {@code LateLoader}, which
 * are thread-safe.
 */
package io.github.ucode4j.rendezvous;
