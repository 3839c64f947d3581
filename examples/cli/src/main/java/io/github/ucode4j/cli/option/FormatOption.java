package io.github.ucode4j.cli.option;

import picocli.CommandLine.Option;

/** The {@code --format} option of every command but {@code list}, which has a third format. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (one document, its schema named in its \"schema\" field). Default: ${DEFAULT-VALUE}.")
    Format format;

    /**
     * Whether the command prints JSON instead of text.
     *
     * @return true for {@code --format=json}, false for text (the default)
     */
    public boolean json() {
        return format == Format.JSON;
    }
}
