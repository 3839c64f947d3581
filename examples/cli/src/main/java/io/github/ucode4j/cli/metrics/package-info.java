/**
 * {@code --format=prometheus}: what {@code status} and {@code explain} know of the machine, its plan and its last
 * load, as gauges in Prometheus' text exposition format, the format node_exporter's textfile collector reads.
 */
package io.github.ucode4j.cli.metrics;
