package io.github.ucode4j.cli.command;

import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.ExplainJson;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.option.BackendOption;
import io.github.ucode4j.cli.option.ChosenBackend;
import io.github.ucode4j.cli.option.FirmwareOption;
import io.github.ucode4j.cli.option.MachineFormatOption;
import io.github.ucode4j.cli.option.StateDirectoryOption;
import io.github.ucode4j.cli.text.PlanText;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ucode explain}: per CPU, which patch it would load and why, or why none. */
@Command(name = "explain", description = {"Explain which patch each CPU would load, and why.",
    "For every logical CPU, the patch of the firmware it would load, or why none would (no patch, platform "
        + "mismatch, up to date, unsafe late load, ...). Changes nothing.",
    "With --format=prometheus, the same metrics as status: the CPUs, the plan, and the last load apply recorded in "
        + "--state-dir."})
public final class ExplainCommand extends CommandBase {
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
        MicrocodeInputs inputs = MicrocodeInputs.withInstalledDrivers();
        try (ChosenBackend backend = backendOption.selectForReading()) {
            LoadPlan plan = backend.plan(inputs, firmware, this::warn, PlanPolicy.SAFE);
            if (format.prometheus()) {
                MetricsOutput.print(plan.platform(), Optional.of(plan), stateDirectory, this::warn, out());
            } else if (format.json()) {
                Json.print(out(), JsonSchema.EXPLAIN, ExplainJson.of(plan));
            } else {
                PlanText.print(plan, out());
            }
            return ExitCode.OK;
        }
    }
}
