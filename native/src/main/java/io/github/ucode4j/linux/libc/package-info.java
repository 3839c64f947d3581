/**
 * The C library as ucode4j's Linux code needs it: {@link io.github.ucode4j.linux.libc.Libc}, its JNA binding
 * {@link io.github.ucode4j.linux.libc.JnaLibc} (the only place in the module that uses JNA), memory owned outside the
 * Java heap ({@link io.github.ucode4j.linux.libc.MemoryRegion}), and errno as a typed exception. Exported to the
 * {@code xen} backend only; no JNA type appears in it.
 */
package io.github.ucode4j.linux.libc;
