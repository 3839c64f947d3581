package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.MicrocodeWriter;
import io.github.ucode4j.cache.OutputFiles;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.CliFailure;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.json.WriteJson;
import io.github.ucode4j.cli.option.DetailedExitCodeOption;
import io.github.ucode4j.cli.option.FolderOrderOption;
import io.github.ucode4j.cli.option.FormatOption;
import io.github.ucode4j.cli.option.SignatureFilterOptions;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ucode write-early-cpio}: the early-load initramfs, byte-identical to iucode_tool's. */
@Command(name = "write-early-cpio", description = {"Write an early-load initramfs (cpio), as iucode_tool --write-earlyfw does.",
    "The file is written whole or not at all, mode 0644 (a replaced file keeps its mode and owner); "
        + "a symbolic link is never written through."})
public final class WriteEarlyCpioCommand extends CommandBase {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The cpio file to write.")
    Path output;

    @Option(names = "--overwrite", description = "Replace FILE if it exists.")
    boolean overwrite;

    @Mixin
    SignatureFilterOptions filters;

    @Mixin
    FolderOrderOption folderOrder;

    @Mixin
    FormatOption format;

    @Mixin
    DetailedExitCodeOption exitCodes;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Microcode files, or directories of them.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        MicrocodeInputs inputs = folderOrder.inputs();
        // The first of different patches for one signature, mask and revision is written, as iucode_tool writes it.
        MicrocodeCache cache = MicrocodeCache.builder().addAll(inputs.readAll(paths, ParseMode.STRICT))
                .selection(filters.selection().build()).strict(false).build();
        cache.findings().forEach(finding -> warn(finding.toString()));
        if (cache.isEmpty()) {
            throw new CliFailure(ExitCode.BAD_INPUT, "no patch is selected; nothing to write to " + output);
        }
        ByteBuffer cpio = new MicrocodeWriter(inputs.drivers()).earlyInitramfs(cache);
        boolean changed;
        try {
            changed = OutputFiles.write(output, cpio, overwrite).changed();
        } catch (FileAlreadyExistsException e) {
            throw OverwriteRefusal.of(e);
        }
        if (format.json()) {
            WriteJson.File file = new WriteJson.File(output.toString(), cpio.remaining(), changed);
            Json.print(out(), JsonSchema.WRITE_EARLY_CPIO, WriteJson.of(List.of(file), cache.patches().size()));
        } else {
            out().println("wrote " + output + ": " + cache.patches().size() + " patches, " + cpio.remaining() + " bytes"
                    + (changed ? "" : " (unchanged)"));
        }
        return exitCodes.success(changed);
    }
}
