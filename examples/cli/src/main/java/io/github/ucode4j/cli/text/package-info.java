/**
 * Text output for people: tables and iucode_tool's exact listing lines.
 */
package io.github.ucode4j.cli.text;
