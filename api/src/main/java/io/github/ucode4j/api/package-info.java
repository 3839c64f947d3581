/**
 * ucode4j's vendor-neutral model of x86 microcode: values ({@link io.github.ucode4j.api.CpuSignature},
 * {@link io.github.ucode4j.api.Revision}, {@link io.github.ucode4j.api.MicrocodePatch}, ...), the platform a backend
 * sees, plan and result types, errors, and the discovery of drivers and backends.
 *
 * <p>Every value type is an immutable record validated at construction and safe to share between threads. Byte
 * order is little-endian throughout, as in the formats.
 */
package io.github.ucode4j.api;
