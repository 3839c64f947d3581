/**
 * The C library as ucode4j's Linux code needs it: {@link io.github.ucode4j.linux.libc.Libc}, its JNA binding
 * {@link io.github.ucode4j.linux.libc.JnaLibc} (the only place in the module that declares native methods), and
 * errno as a typed exception.
 */
package io.github.ucode4j.linux.libc;
