package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.CacheEntry;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.Selection;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.EntryJson;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.json.ListJson;
import io.github.ucode4j.cli.json.PatchJson;
import io.github.ucode4j.cli.option.FolderOrderOption;
import io.github.ucode4j.cli.option.ListFormat;
import io.github.ucode4j.cli.option.SignatureFilterOptions;
import io.github.ucode4j.cli.text.IucodeToolText;
import io.github.ucode4j.cli.text.TextTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ucode list}: the patches of files and directories, selected as iucode_tool selects them. */
@Command(name = "list", description = {"List the patches in microcode files and directories.",
    "Without --all, lists what the selection keeps per signature and platform mask (iucode_tool -l); "
        + "with --all, every patch read (iucode_tool -L)."})
public final class ListCommand extends CommandBase {
    @Option(names = "--all", description = "List every patch read, selected or not.")
    boolean all;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, iucode (exactly iucode_tool's output; Intel inputs only) or json. Default: ${DEFAULT-VALUE}.")
    ListFormat format;

    @Mixin
    SignatureFilterOptions filters;

    @Mixin
    FolderOrderOption folderOrder;

    @Option(names = "--date-before", paramLabel = "YYYY-MM-DD", description = "Select only patches dated strictly before D.")
    Optional<String> dateBefore = Optional.empty();

    @Option(names = "--date-after", paramLabel = "YYYY-MM-DD", description = "Select only patches dated strictly after D.")
    Optional<String> dateAfter = Optional.empty();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Microcode files, or directories of them.")
    List<Path> paths;

    @Override
    public Integer call() throws MicrocodeFormatException {
        Selection selection = selection();
        List<Bundle> bundles = folderOrder.inputs().readAll(paths, ParseMode.STRICT, this::warn);
        switch (format) {
            case IUCODE -> IucodeToolText.lines(bundles, selection, all, this::warn).forEach(out()::println);
            case JSON -> Json.print(out(), JsonSchema.LIST, new ListJson(bundles.stream().map(ListJson.Input::of).toList(),
                    all ? Selection.all().toString() : selection.toString(), entries(bundles, selection)));
            case TEXT -> printTable(entries(bundles, selection));
        }
        return ExitCode.OK;
    }

    private Selection selection() {
        Selection.Builder builder = filters.selection();
        dateBefore.ifPresent(builder::dateBefore);
        dateAfter.ifPresent(builder::dateAfter);
        return builder.build();
    }

    private List<EntryJson> entries(List<Bundle> bundles, Selection selection) throws MicrocodeFormatException {
        List<EntryJson> entries = new ArrayList<>();
        // Each patch is described once, however many signatures it has: linear in the input.
        Map<MicrocodePatch, PatchJson> described = new IdentityHashMap<>();
        if (all) {
            for (int b = 0; b < bundles.size(); b++) {
                List<MicrocodePatch> patches = bundles.get(b).patches();
                for (int p = 0; p < patches.size(); p++) {
                    MicrocodePatch patch = patches.get(p);
                    PatchJson json = described.computeIfAbsent(patch, PatchJson::of);
                    for (PatchTarget target : patch.targets()) {
                        entries.add(EntryJson.of(b + 1, p + 1, target, patch.vendor(), json));
                    }
                }
            }
            return entries;
        }
        // The first of different patches for one signature, mask and revision is kept, as iucode_tool keeps it.
        MicrocodeCache cache = MicrocodeCache.builder().addAll(bundles).selection(selection).strict(false).build();
        cache.findings().forEach(finding -> warn(finding.toString()));
        for (CacheEntry entry : cache.entries()) {
            PatchTarget target = new PatchTarget(entry.signature(), entry.platformFlags());
            PatchJson json = described.computeIfAbsent(entry.cached().patch(), PatchJson::of);
            entries.add(EntryJson.of(entry.cached().bundleNumber(), entry.cached().entryNumber(), target, entry.vendor(), json));
        }
        return entries;
    }

    private void printTable(List<EntryJson> entries) {
        TextTable table = new TextTable("#", "VENDOR", "SIGNATURE", "RAW", "PF", "REVISION", "DATE", "SIZE", "SOURCE");
        for (EntryJson e : entries) {
            table.row(String.format("%03d/%03d", e.bundle(), e.entry()), e.vendor(), e.familyModelStepping(), e.signature(),
                    e.platformFlags(), e.patch().revision(), e.patch().date(), e.patch().size(),
                    e.patch().source() + "@0x" + Long.toHexString(e.patch().offset()));
        }
        table.print(out());
        out().println(entries.size() + (all ? " patch signatures read" : " entries selected"));
    }
}
