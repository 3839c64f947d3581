/**
 * The {@code ucode} command line: its entry point, failure handling and exit codes, and the helpers every command
 * shares (arguments as bytes, spelling values, finding CPUs that differ); inputs are read through the library's
 * {@link io.github.ucode4j.cache.input.MicrocodeInputs}.
 */
package io.github.ucode4j.cli;
