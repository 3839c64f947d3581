/**
 * Reading microcode inputs the way iucode_tool reads them: files, folders (in a {@link
 * io.github.ucode4j.cache.input.FolderOrder}) and firmware trees ({@code intel-ucode/}, {@code amd-ucode/}), within
 * size budgets, FIFOs and devices refused, the driver picked by content
 * ({@link io.github.ucode4j.cache.input.MicrocodeInputs}); names shown as their bytes
 * ({@link io.github.ucode4j.cache.input.PathNames}). Every failure names the input, the offset and the rule broken.
 */
package io.github.ucode4j.cache.input;
