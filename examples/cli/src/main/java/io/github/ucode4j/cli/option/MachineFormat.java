package io.github.ucode4j.cli.option;

/** How a command that reads the machine ({@code status}, {@code explain}) prints it. */
public enum MachineFormat {
    /** A table for people. */
    TEXT,
    /** JSON for programs; the fields are documented in the README and stay stable. */
    JSON,
    /** Prometheus' text exposition format, for node_exporter's textfile collector. */
    PROMETHEUS
}
