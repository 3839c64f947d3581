package io.github.ucode4j.cli.option;

import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that read the machine, which also print metrics. */
public final class MachineFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (one document, its schema named in its \"schema\" field) or prometheus (metrics "
                + "in the text format node_exporter's textfile collector reads). Default: ${DEFAULT-VALUE}.")
    MachineFormat format;

    /**
     * Whether the command prints JSON.
     *
     * @return true for {@code --format=json}
     */
    public boolean json() {
        return format == MachineFormat.JSON;
    }

    /**
     * Whether the command prints metrics.
     *
     * @return true for {@code --format=prometheus}
     */
    public boolean prometheus() {
        return format == MachineFormat.PROMETHEUS;
    }
}
