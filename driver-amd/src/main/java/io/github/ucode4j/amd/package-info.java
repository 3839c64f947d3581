/**
 * AMD microcode.
 *
 * <p>A file is one or more containers back to back. Each container starts with the magic {@code 0x00414d44},
 * then an equivalence table section (type 0) mapping CPUID(1).EAX values to 16-bit equivalence ids (ended by an
 * all-zero entry, except in AMD's newer files, whose table ends where its length says), then patch sections
 * (type 1), each a 64-byte {@link io.github.ucode4j.amd.AmdPatchHeader} and a body. All fields are little-endian.
 *
 * <p>An input may also be a raw patch: one patch, header and body, without a container, as collections of single
 * patches store them. It has no magic; the driver recognises it by its header's fields, reads it as one patch (from
 * family 0x17 for the CPU its {@code patch_id} names; before, for the CPUs AMD's published equivalence tables map to
 * its {@code processor_rev_id}), and its writer puts it in a container with those entries.
 *
 * <p>{@link io.github.ucode4j.amd.AmdMicrocodeOps} is the driver found by {@link java.util.ServiceLoader}. It parses
 * with zero-copy slices of its input and throws nothing but
 * {@link io.github.ucode4j.api.MicrocodeFormatException} for bad data, naming an {@link io.github.ucode4j.amd.AmdRule}
 * and the offset of the field that breaks it. Before family 0x17 a patch fits a CPU through its container's
 * equivalence table; from family 0x17 (Zen) through the CPUID encoded in its {@code patch_id}.
 *
 * <p>{@link io.github.ucode4j.amd.DigestChecker} applies the Entrysign SHA-256 allow-list that Linux and Xen apply
 * (CVE-2024-36347, CVE-2024-56161); {@link io.github.ucode4j.amd.AmdContainerWriter} merges and splits containers;
 * {@link io.github.ucode4j.amd.AmdPatchBuilder} makes valid synthetic patches for tests and simulations.
 */
package io.github.ucode4j.amd;
