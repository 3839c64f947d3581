/**
 * What {@code ucode} remembers between runs: the record of the last load {@code apply} made
 * ({@code last-apply.json} in the state folder, {@code /var/lib/ucode4j} by default), which the metrics of
 * {@code status} and {@code explain} read.
 */
package io.github.ucode4j.cli.state;
