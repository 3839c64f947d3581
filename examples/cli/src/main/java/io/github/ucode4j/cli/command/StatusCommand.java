package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.Platform;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.StatusJson;
import io.github.ucode4j.cli.option.BackendOption;
import io.github.ucode4j.cli.option.ChosenBackend;
import io.github.ucode4j.cli.option.Format;
import io.github.ucode4j.cli.text.PlatformText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ucode status}: every logical CPU as the backend reads it, and which ones differ. */
@Command(name = "status", description = {"Show every logical CPU and where each fact about it was read.",
    "Topology, signature, platform flags and running revision per CPU, and the CPUs that differ from the rest. "
        + "Changes nothing."})
public final class StatusCommand extends CommandBase {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    BackendOption backendOption;

    @Override
    public Integer call() throws Exception {
        try (ChosenBackend backend = backendOption.selectForReading()) {
            Platform platform = backend.platform();
            if (format == Format.JSON) {
                Json.print(out(), StatusJson.of(platform));
            } else {
                PlatformText.print(platform, out());
            }
            return ExitCode.OK;
        }
    }
}
