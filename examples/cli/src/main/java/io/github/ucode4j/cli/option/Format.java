package io.github.ucode4j.cli.option;

/** How a command prints its result. */
public enum Format {
    /** A table for people. */
    TEXT,
    /** JSON for programs; the fields are documented in the README and stay stable. */
    JSON
}
