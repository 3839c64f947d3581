/**
 * The global microcode cache ({@link io.github.ucode4j.cache.MicrocodeCache}) built once from any number of
 * inputs, iucode_tool-compatible selection ({@link io.github.ucode4j.cache.Selection}), the
 * {@link io.github.ucode4j.cache.Planner} that explains every CPU's verdict, and the writers of early initramfs
 * archives, firmware directories and files.
 */
package io.github.ucode4j.cache;
