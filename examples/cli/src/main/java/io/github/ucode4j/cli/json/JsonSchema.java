package io.github.ucode4j.cli.json;

import java.util.Locale;

/**
 * The JSON documents {@code ucode} prints, one per command, and the one it keeps, the record of the last load: each
 * document's first field, {@code "schema"}, names
 * its schema as {@code ucode4j/<name>/<major>}, and the JSON Schema that describes it ships in the jar as
 * {@code schemas/<name>-<major>.json}. The major version changes only when a field is removed or changes meaning.
 */
public enum JsonSchema {
    /** {@code ucode list}. */
    LIST,
    /** {@code ucode verify}. */
    VERIFY,
    /** {@code ucode status}. */
    STATUS,
    /** {@code ucode explain}. */
    EXPLAIN,
    /** {@code ucode apply}. */
    APPLY,
    /** {@code ucode write-early-cpio}. */
    WRITE_EARLY_CPIO,
    /** {@code ucode write-firmware-dir}. */
    WRITE_FIRMWARE_DIR,
    /** {@code ucode diff}. */
    DIFF,
    /** {@code ucode demo}. */
    DEMO,
    /** The record of the last load, which {@code ucode apply} writes to its state folder ({@code last-apply.json}). */
    LAST_APPLY;

    private static final int MAJOR = 1;

    /**
     * The command's name: {@code write-early-cpio}.
     *
     * @return the subcommand's name as typed
     */
    public String commandName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The value of a document's {@code "schema"} field: {@code ucode4j/status/1}.
     *
     * @return {@code ucode4j/<name>/<major>}
     */
    public String id() {
        return "ucode4j/" + commandName() + "/" + MAJOR;
    }

    /**
     * Where the schema file is in the jar, from its root: {@code schemas/status-1.json}.
     *
     * @return the resource name, without a leading slash
     */
    public String resource() {
        return "schemas/" + commandName() + "-" + MAJOR + ".json";
    }
}
