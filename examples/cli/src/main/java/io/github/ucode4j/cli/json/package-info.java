/**
 * The JSON documents {@code ucode} prints: explicit records, snake_case, documented in the README; never library
 * types serialised as they are.
 */
package io.github.ucode4j.cli.json;
