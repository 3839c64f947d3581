package io.github.ucode4j.cli.option;

/** How {@code ucode list} prints. */
public enum ListFormat {
    /** A table for people. */
    TEXT,
    /** Exactly what {@code iucode_tool -l} (or, with {@code --all}, {@code -L}) prints, for Intel inputs. */
    IUCODE,
    /** JSON for programs. */
    JSON
}
