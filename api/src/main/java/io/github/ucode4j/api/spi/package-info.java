/**
 * The two service-provider interfaces: {@link io.github.ucode4j.api.spi.MicrocodeOps} (a vendor's parser, checker
 * and matcher) and {@link io.github.ucode4j.api.spi.ApplyBackend} (a way to read and change the machine's
 * microcode), found with {@link java.util.ServiceLoader}. Register a provider both in
 * {@code META-INF/services} and in its {@code module-info.java}. A driver reports the rules its data breaks to a
 * {@link io.github.ucode4j.api.spi.ParseReporter}, which decides, for every driver alike, what each does in each
 * {@link io.github.ucode4j.api.spi.ParseMode}. A driver reads a CPU's platform flags and revision through
 * {@link io.github.ucode4j.api.spi.CpuRegisters}, read-only, or, on the load path only,
 * {@link io.github.ucode4j.api.spi.WritableCpuRegisters}.
 */
package io.github.ucode4j.api.spi;
