package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cli.BuildInfo;
import io.github.ucode4j.cli.metrics.HostMetrics;
import io.github.ucode4j.cli.option.StateDirectoryOption;
import io.github.ucode4j.cli.state.LastApplyState;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code --format=prometheus} of {@code status} and {@code explain}: the same metrics, from what each read. */
final class MetricsOutput {
    private MetricsOutput() {
    }

    /**
     * Prints the metrics of {@code platform} and {@code plan} with the last load recorded in {@code stateDirectory};
     * a record that cannot be used is a warning, and a metric, never a failure.
     */
    static void print(Platform platform, Optional<LoadPlan> plan, StateDirectoryOption stateDirectory,
                      Consumer<String> warnings, PrintWriter out) {
        LastApplyState lastApply = stateDirectory.stateDirectory().readLastApply();
        lastApply.problem().ifPresent(problem -> warnings.accept("the record of the last load is not used: " + problem));
        new HostMetrics(BuildInfo.read().version(), platform, plan, lastApply).print(out);
    }
}
