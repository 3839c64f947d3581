/**
 * Options several commands share, as picocli mixins, and the output formats.
 */
package io.github.ucode4j.cli.option;
