/**
 * What ucode4j's own modules share about the host they run on, and no embedder needs: the lock that keeps loads to
 * one at a time. Exported only to the modules that load microcode.
 */
package io.github.ucode4j.api.host;
