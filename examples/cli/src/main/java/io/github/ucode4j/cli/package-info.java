/**
 * The {@code ucode} command line: its entry point, failure handling and exit codes, and the helpers every command
 * shares (reading inputs, spelling values, finding CPUs that differ).
 */
package io.github.ucode4j.cli;
