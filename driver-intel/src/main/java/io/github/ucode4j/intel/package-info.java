/**
 * The Intel microcode driver.
 *
 * <ul>
 *   <li>{@link io.github.ucode4j.intel.IntelMicrocodeOps}: the {@code MicrocodeOps} service: recognises, parses
 *       and checks binary and {@code .dat} files, matches patches to CPUs, judges late-load safety.
 *   <li>{@link io.github.ucode4j.intel.IntelPatchDetails}: every header field, the extended signature table and
 *       the metadata block of one patch.
 *   <li>{@link io.github.ucode4j.intel.IntelRule}: the rules a patch can break, each with its own code.
 *   <li>{@link io.github.ucode4j.intel.LateLoadSafety}: whether a late load is safe by the patch's
 *       {@code min_req_ver}, and why.
 *   <li>{@link io.github.ucode4j.intel.EarlyOnlyRules} and {@link io.github.ucode4j.intel.EarlyOnlyRule}: the CPUs
 *       whose microcode must only be loaded early, at boot, each rule with its source.
 *   <li>{@link io.github.ucode4j.intel.IntelPatchBuilder} and {@link io.github.ucode4j.intel.IntelPatchWriter}:
 *       synthesise valid patches and write patches back as binary or {@code .dat} text.
 *   <li>{@link io.github.ucode4j.intel.IucodeToolListing}: iucode_tool's {@code -L} and {@code -l} lines, for
 *       comparison with that tool (the selection and its merge rules are the cache module's).
 * </ul>
 *
 * <p>Revisions: load decisions compare revisions unsigned, as the Linux and Xen loaders do (see
 * {@link io.github.ucode4j.api.Revision}); the cache can merge in iucode_tool's signed order to reproduce that
 * tool's choices. Every type is immutable and thread-safe unless its documentation says otherwise.
 */
package io.github.ucode4j.intel;
