package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.Severity;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cache.input.PathNames;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.json.VerifyJson;
import io.github.ucode4j.cli.option.FolderOrderOption;
import io.github.ucode4j.cli.option.FormatOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ucode verify}: checks every file and the files together, and names what is broken and where. */
@Command(name = "verify", description = {"Check microcode files against every rule of their format.",
    "Also checks that no two files hold different patches for the same signature, platform mask and revision.",
    "Prints one line per file; a broken file's line names the file, the byte offset and the rule broken."})
public final class VerifyCommand extends CommandBase {
    @Option(names = "--lenient", description = "Check only the rules the kernel's and Xen's loaders enforce; "
            + "what only strict checks reject, and conflicts between files, become warnings.")
    boolean lenient;

    @Mixin
    FolderOrderOption folderOrder;

    @Mixin
    FormatOption format;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Microcode files, or directories of them.")
    List<Path> paths;

    @Override
    public Integer call() throws MicrocodeFormatException {
        MicrocodeInputs inputs = folderOrder.inputs();
        List<Bundle> good = new ArrayList<>();
        List<VerifyJson.File> checked = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path path : paths) {
            List<Path> files;
            try {
                files = MicrocodeInputs.files(List.of(path), folderOrder.order(), this::warn);
            } catch (MicrocodeFormatException e) {
                // A path that cannot be looked at is one broken input; the paths after it are still checked.
                checked.add(broken(PathNames.display(path), e));
                continue;
            }
            for (Path file : files) {
                try {
                    Bundle bundle = inputs.read(file, lenient ? ParseMode.LENIENT : ParseMode.STRICT);
                    good.add(bundle);
                    List<Finding> shown = shown(bundle.findings());
                    findings.addAll(shown);
                    checked.add(VerifyJson.File.good(bundle, shown));
                    if (!format.json()) {
                        out().println("ok      " + bundle.source() + ": " + bundle.patches().size() + " " + bundle.vendor() + " patch(es)");
                        print(shown);
                    }
                } catch (MicrocodeFormatException e) {
                    checked.add(broken(PathNames.display(file), e));
                }
            }
        }
        // Built leniently so that every conflict is reported, not only the first; strict verification fails on them.
        MicrocodeCache cache = MicrocodeCache.builder().addAll(good).strict(false).build();
        List<Finding> conflicts = shown(lenient ? cache.findings() : cache.findings().stream().map(f -> relabel(f, Severity.ERROR)).toList());
        findings.addAll(conflicts);
        VerifyJson result = summary(checked, conflicts, findings, cache);
        if (format.json()) {
            Json.print(out(), JsonSchema.VERIFY, result);
        } else {
            print(conflicts);
            printTotals(result);
        }
        return result.ok() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    // The totals; findings are every finding shown, the conflicts included.
    private VerifyJson summary(List<VerifyJson.File> checked, List<Finding> conflicts, List<Finding> findings, MicrocodeCache cache) {
        int broken = (int) checked.stream().filter(file -> !file.ok()).count();
        long warnings = findings.stream().filter(finding -> finding.severity() == Severity.WARNING).count();
        boolean ok = broken == 0 && (lenient || conflicts.isEmpty());
        return new VerifyJson(checked, conflicts.stream().map(Finding::toString).toList(), checked.size(), broken,
                cache.statistics().patchesRead(), cache.statistics().uniquePatches(), (int) warnings, ok);
    }

    private void printTotals(VerifyJson result) {
        if (result.ok()) {
            out().println(result.checked() + " files, " + result.patches() + " patches (" + result.uniquePatches()
                    + " unique): all good" + (result.warnings() > 0 ? ", " + result.warnings() + " warning(s)" : ""));
            return;
        }
        if (result.broken() > 0) {
            out().println(result.broken() + " of " + result.checked() + " files are broken");
        }
        if (!lenient && !result.conflicts().isEmpty()) {
            out().println(result.conflicts().size() + " conflict(s) between files");
        }
    }

    private VerifyJson.File broken(String input, MicrocodeFormatException why) {
        if (!format.json()) {
            out().println("BROKEN  " + input);
        }
        error(why.getMessage());
        return VerifyJson.File.broken(input, why);
    }

    // Under --lenient, a rule only strict checks enforce is shown as a warning.
    private List<Finding> shown(List<Finding> findings) {
        return findings.stream().map(f -> lenient && f.severity() == Severity.ERROR ? relabel(f, Severity.WARNING) : f).toList();
    }

    private void print(List<Finding> findings) {
        findings.forEach(finding -> out().println("        " + finding));
    }

    private static Finding relabel(Finding finding, Severity severity) {
        return new Finding(severity, finding.code(), finding.source(), finding.offset(), finding.message());
    }
}
