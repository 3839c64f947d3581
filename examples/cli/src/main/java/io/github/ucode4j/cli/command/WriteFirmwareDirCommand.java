package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.MicrocodeWriter;
import io.github.ucode4j.cache.WrittenFile;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.json.WriteJson;
import io.github.ucode4j.cli.option.DetailedExitCodeOption;
import io.github.ucode4j.cli.option.FolderOrderOption;
import io.github.ucode4j.cli.option.FormatOption;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ucode write-firmware-dir}: the files the kernel's loader looks up, one per signature. */
@Command(name = "write-firmware-dir", description = {"Write a firmware directory, with the file names the kernel looks up.",
    "intel-ucode/ff-mm-ss and amd-ucode/microcode_amd_famXXh.bin. All files are written or none: every target is "
        + "checked before any is written, and a failure part way puts back what was there. New files get mode 0644, "
        + "replaced ones keep their mode and owner; a symbolic link is never written through."})
public final class WriteFirmwareDirCommand extends CommandBase {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "The directory to write into.")
    Path output;

    @Option(names = "--overwrite", description = "Replace files that exist.")
    boolean overwrite;

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
        MicrocodeCache cache = MicrocodeCache.builder().addAll(inputs.readAll(paths, ParseMode.STRICT)).build();
        Map<String, ByteBuffer> files = new MicrocodeWriter(inputs.drivers()).firmwareFiles(cache);
        List<WriteJson.File> written = new ArrayList<>();
        try {
            List<String> names = List.copyOf(files.keySet());
            List<WrittenFile> results = MicrocodeWriter.writeFiles(output, files, overwrite);
            for (int i = 0; i < names.size(); i++) {
                WrittenFile result = results.get(i);
                written.add(new WriteJson.File(output.resolve(names.get(i)).toString(), result.size(), result.changed()));
            }
        } catch (FileAlreadyExistsException e) {
            throw OverwriteRefusal.of(e);
        }
        WriteJson json = WriteJson.of(written, cache.patches().size());
        if (format.json()) {
            Json.print(out(), JsonSchema.WRITE_FIRMWARE_DIR, json);
        } else {
            written.forEach(file -> out().println("wrote " + file.path() + ": " + file.bytes() + " bytes"
                    + (file.changed() ? "" : " (unchanged)")));
            out().println(files.size() + " files, " + cache.patches().size() + " patches");
        }
        return exitCodes.success(json.changed());
    }
}
