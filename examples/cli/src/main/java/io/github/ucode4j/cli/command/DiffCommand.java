package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.ReleaseDiff;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.Display;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.DiffJson;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.option.FormatOption;
import io.github.ucode4j.cli.text.TextTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ucode diff}: what changed between two releases. */
@Command(name = "diff", description = {"Compare two releases (files or directories).",
    "Per signature and platform mask, the patches added, removed, updated, downgraded, or rebuilt (same "
        + "revision, different bytes)."})
public final class DiffCommand extends CommandBase {
    @Parameters(index = "0", paramLabel = "OLD_PATH", description = "The old release.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW_PATH", description = "The new release.")
    Path after;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws MicrocodeFormatException {
        MicrocodeInputs inputs = MicrocodeInputs.withInstalledDrivers();
        ReleaseDiff diff = ReleaseDiff.between(cache(inputs, before), cache(inputs, after));
        if (format.json()) {
            Json.print(out(), JsonSchema.DIFF, DiffJson.of(diff));
            return ExitCode.OK;
        }
        TextTable table = new TextTable("CHANGE", "VENDOR", "SIGNATURE", "RAW", "PF", "OLD", "NEW");
        for (ReleaseDiff.Change change : diff.changes()) {
            table.row(change.kind(), Display.vendor(change.vendor()), change.signature().familyModelStepping(),
                    change.signature().hex(), change.platformFlags(), describe(change.before()), describe(change.after()));
        }
        table.print(out());
        out().println(diff.changes().isEmpty() ? "no changes" : diff.changes().size() + " changes");
        return ExitCode.OK;
    }

    private MicrocodeCache cache(MicrocodeInputs inputs, Path release) throws MicrocodeFormatException {
        return MicrocodeCache.builder().addAll(inputs.readAll(List.of(release), ParseMode.STRICT, this::warn)).build();
    }

    private static String describe(Optional<MicrocodePatch> patch) {
        return patch.map(p -> p.revision() + p.date().map(d -> " (" + d + ")").orElse("")).orElse("-");
    }
}
