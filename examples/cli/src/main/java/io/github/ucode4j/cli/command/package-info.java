/**
 * One class per {@code ucode} subcommand.
 */
package io.github.ucode4j.cli.command;
