/**
 * Where the library's log records go when it runs as the {@code ucode} command: a {@link System.LoggerFinder} of the
 * command's own, which prints one short line a record on standard error, the library's debug records only with
 * {@code --verbose}. The command is the application, so it decides this; the library only logs through
 * {@link System.Logger}.
 */
package io.github.ucode4j.cli.logging;
