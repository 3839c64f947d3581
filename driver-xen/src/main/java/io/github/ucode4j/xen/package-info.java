/**
 * The {@code xen} apply backend: {@link io.github.ucode4j.xen.XenBackend} and where it looks for Xen's interfaces,
 * {@link io.github.ucode4j.xen.XenRoots}. The hypercall structures are encoded in pure Java, apart from the C library
 * calls that carry them, so that tests check every byte handed to the kernel.
 */
package io.github.ucode4j.xen;
