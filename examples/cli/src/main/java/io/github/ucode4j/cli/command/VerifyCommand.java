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
import io.github.ucode4j.cli.option.FolderOrderOption;
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

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Microcode files, or directories of them.")
    List<Path> paths;

    @Override
    public Integer call() throws MicrocodeFormatException {
        MicrocodeInputs inputs = folderOrder.inputs();
        List<Bundle> good = new ArrayList<>();
        int checked = 0;
        int broken = 0;
        int warnings = 0;
        for (Path path : paths) {
            List<Path> files;
            try {
                files = MicrocodeInputs.files(List.of(path), folderOrder.order(), this::warn);
            } catch (MicrocodeFormatException e) {
                // A path that cannot be looked at is one broken input; the paths after it are still checked.
                checked++;
                broken++;
                printBroken(path, e);
                continue;
            }
            checked += files.size();
            for (Path file : files) {
                try {
                    Bundle bundle = inputs.read(file, lenient ? ParseMode.LENIENT : ParseMode.STRICT);
                    good.add(bundle);
                    out().println("ok      " + bundle.source() + ": " + bundle.patches().size() + " " + bundle.vendor() + " patch(es)");
                    warnings += print(bundle.findings());
                } catch (MicrocodeFormatException e) {
                    broken++;
                    printBroken(file, e);
                }
            }
        }
        // Built leniently so that every conflict is reported, not only the first; strict verification fails on them.
        MicrocodeCache cache = MicrocodeCache.builder().addAll(good).strict(false).build();
        List<Finding> conflicts = lenient ? cache.findings() : cache.findings().stream().map(f -> relabel(f, Severity.ERROR)).toList();
        warnings += print(conflicts);
        if (broken > 0 || !lenient && !conflicts.isEmpty()) {
            if (broken > 0) {
                out().println(broken + " of " + checked + " files are broken");
            }
            if (!lenient && !conflicts.isEmpty()) {
                out().println(conflicts.size() + " conflict(s) between files");
            }
            return ExitCode.BAD_INPUT;
        }
        out().println(checked + " files, " + cache.statistics().patchesRead() + " patches ("
                + cache.statistics().uniquePatches() + " unique): all good" + (warnings > 0 ? ", " + warnings + " warning(s)" : ""));
        return ExitCode.OK;
    }

    private void printBroken(Path input, MicrocodeFormatException why) {
        out().println("BROKEN  " + PathNames.display(input));
        error(why.getMessage());
    }

    // Prints the findings, a rule only strict checks enforce labelled a warning under --lenient; returns the warnings.
    private int print(List<Finding> findings) {
        int warnings = 0;
        for (Finding finding : findings) {
            Finding shown = lenient && finding.severity() == Severity.ERROR ? relabel(finding, Severity.WARNING) : finding;
            out().println("        " + shown);
            if (shown.severity() == Severity.WARNING) {
                warnings++;
            }
        }
        return warnings;
    }

    private static Finding relabel(Finding finding, Severity severity) {
        return new Finding(severity, finding.code(), finding.source(), finding.offset(), finding.message());
    }
}
