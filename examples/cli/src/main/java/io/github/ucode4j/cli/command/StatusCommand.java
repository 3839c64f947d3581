package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.Planner;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.json.StatusJson;
import io.github.ucode4j.cli.option.BackendOption;
import io.github.ucode4j.cli.option.ChosenBackend;
import io.github.ucode4j.cli.option.FirmwareOption;
import io.github.ucode4j.cli.option.MachineFormatOption;
import io.github.ucode4j.cli.option.StateDirectoryOption;
import io.github.ucode4j.cli.text.PlatformText;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ucode status}: every logical CPU as the backend reads it, and which ones differ. */
@Command(name = "status", description = {"Show every logical CPU and where each fact about it was read.",
    "Topology, signature, platform flags and running revision per CPU, and the CPUs that differ from the rest. "
        + "Changes nothing.",
    "With --format=prometheus, metrics for node_exporter's textfile collector: the CPUs, the plan from --firmware "
        + "(whether an update is available, and why not), and the last load apply recorded in --state-dir. Firmware "
        + "that cannot be read, or a broken record, is a warning and a metric, not a failure."})
public final class StatusCommand extends CommandBase {
    @Mixin
    MachineFormatOption format;

    @Mixin
    BackendOption backendOption;

    @Mixin
    FirmwareOption firmware;

    @Mixin
    StateDirectoryOption stateDirectory;

    @Override
    public Integer call() throws Exception {
        try (ChosenBackend backend = backendOption.selectForReading()) {
            Platform platform = backend.platform();
            if (format.prometheus()) {
                MetricsOutput.print(platform, plan(platform), stateDirectory, this::warn, out());
            } else if (format.json()) {
                Json.print(out(), JsonSchema.STATUS, StatusJson.of(platform));
            } else {
                PlatformText.print(platform, out());
            }
            return ExitCode.OK;
        }
    }

    // The metrics of the machine are worth having even when the firmware cannot be read: they say so instead.
    private Optional<LoadPlan> plan(Platform platform) {
        MicrocodeInputs inputs = MicrocodeInputs.withInstalledDrivers();
        try {
            return Optional.of(new Planner(inputs.drivers()).plan(platform, firmware.cache(inputs, this::warn), PlanPolicy.SAFE));
        } catch (MicrocodeFormatException e) {
            warn("no plan: " + e.getMessage());
            return Optional.empty();
        }
    }
}
