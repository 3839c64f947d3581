package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.json.StatusJson;
import io.github.ucode4j.cli.option.BackendOption;
import io.github.ucode4j.cli.option.ChosenBackend;
import io.github.ucode4j.cli.option.FormatOption;
import io.github.ucode4j.cli.text.PlatformText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ucode status}: every logical CPU as the backend reads it, and which ones differ. */
@Command(name = "status", description = {"Show every logical CPU and where each fact about it was read.",
    "Topology, signature, platform flags and running revision per CPU, and the CPUs that differ from the rest. "
        + "Changes nothing."})
public final class StatusCommand extends CommandBase {
    @Mixin
    FormatOption format;

    @Mixin
    BackendOption backendOption;

    @Override
    public Integer call() throws Exception {
        try (ChosenBackend backend = backendOption.selectForReading()) {
            Platform platform = backend.platform();
            if (format.json()) {
                Json.print(out(), JsonSchema.STATUS, StatusJson.of(platform));
            } else {
                PlatformText.print(platform, out());
            }
            return ExitCode.OK;
        }
    }
}
