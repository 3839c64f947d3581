package io.github.ucode4j.cli.iucode;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.BackendUnavailableException;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.cache.IoMessages;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.MicrocodeWriter;
import io.github.ucode4j.cache.OutputFiles;
import io.github.ucode4j.cache.Selection;
import io.github.ucode4j.cache.input.FolderOrder;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.FileNames;
import io.github.ucode4j.cli.option.ChosenBackend;
import io.github.ucode4j.cli.text.IucodeToolText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of iucode_tool's command line: read the inputs in iucode_tool's order, select, list, write, with
 * iucode_tool's messages and exit codes (0 done or nothing to do, 1 a command line it refuses, 2 an input that
 * cannot be read or an output that cannot be written). The jobs themselves are the library's: the same reading,
 * selection, listing and writers as {@code ucode list}, {@code write-early-cpio} and {@code write-firmware-dir}.
 */
final class IucodeToolRun {
    static final int BROKEN = 2;
    private static final String STANDARD_INPUT = "(stdin)";
    private static final String NAMED_FILES = "microcode file(s)";
    // iucode_tool refuses a binary file this much shorter while loading it; a longer one it loads, then parses.
    private static final int SMALLEST_BINARY_FILE = 1024;

    private final IucodeToolOptions options;
    private final String program;
    private final InputStream standardInput;
    private final PrintWriter out;
    private final PrintWriter err;
    private final MicrocodeInputs inputs = MicrocodeInputs.withInstalledDrivers(FolderOrder.DIRECTORY);
    // The bundles loaded in binary mode that hold text: iucode_tool loads them, then finds no microcode format.
    private final List<Bundle> unknownFormat = new ArrayList<>();

    IucodeToolRun(IucodeToolOptions options, String program, InputStream standardInput, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.program = program;
        this.standardInput = standardInput;
        this.out = out;
        this.err = err;
    }

    int run() throws MicrocodeFormatException, IOException, BackendUnavailableException {
        if (!options.hasAction() && options.inputs.isEmpty()) {
            message(1, "nothing to do...");
            return ExitCode.OK;
        }
        List<Bundle> bundles = new ArrayList<>();
        for (IucodeToolOptions.Input input : options.inputs) {
            if (!read(input, bundles) && !options.ignoreBroken) {
                return BROKEN;
            }
        }
        if (!unknownFormat.isEmpty() && !options.ignoreBroken) {
            return stopAtUnknownFormat(bundles);
        }
        unknownFormat.forEach(this::unknownFormatError);
        if (!options.hasAction() && options.verbosity < IucodeToolProgress.COUNTS) {
            return ExitCode.OK;
        }
        if (bundles.isEmpty()) {
            if (writes()) {
                message(1, "No valid microcodes were loaded, nothing to do...");
            }
            return ExitCode.OK;
        }
        Selection selection = selection(bundles);
        if (options.verbosity >= IucodeToolProgress.COUNTS) {
            // Counted only: the conflicts among the selected are reported by the listing or the writing that follows.
            List<Bundle> intel = bundles.stream().filter(bundle -> bundle.vendor() == Vendor.INTEL).toList();
            IucodeToolProgress.counts(intel, IucodeToolText.selected(intel, selection, conflict -> { }).statistics())
                    .forEach(line -> message(IucodeToolProgress.COUNTS, line));
        }
        if (!options.hasAction()) {
            return ExitCode.OK;
        }
        if (options.listAll) {
            IucodeToolText.lines(bundles, selection, true, this::warning).forEach(out::println);
        }
        if (options.listSelected) {
            // The bundles are named once: not again after -L, and not at all when quiet.
            boolean nameBundles = options.verbosity > 0 && !options.listAll;
            IucodeToolText.lines(bundles, selection, false, this::warning).stream()
                    .filter(line -> nameBundles || !line.startsWith(IucodeToolText.BUNDLE_LINE_START)).forEach(out::println);
        }
        if (!writes()) {
            return ExitCode.OK;
        }
        if (bundles.stream().allMatch(bundle -> bundle.patches().isEmpty())) {
            message(1, "No valid microcodes were loaded, nothing to do...");
            return ExitCode.OK;
        }
        MicrocodeCache cache = IucodeToolText.selected(bundles, selection, this::warning);
        if (cache.isEmpty()) {
            message(1, "No valid microcodes were selected, nothing to do...");
            return ExitCode.OK;
        }
        return write(cache, bundles);
    }

    // iucode_tool lists the bundles up to the first of an unknown format, as it parses them, then gives up.
    private int stopAtUnknownFormat(List<Bundle> bundles) throws MicrocodeFormatException {
        Bundle first = unknownFormat.get(0);
        List<Bundle> listed = bundles.subList(0, bundles.indexOf(first) + 1);
        if (options.listAll) {
            IucodeToolText.lines(listed, Selection.builder().build(), true, this::warning).forEach(out::println);
        } else if (options.listSelected && options.verbosity > 0) {
            IucodeToolText.lines(listed, Selection.builder().build(), false, conflict -> { }).stream()
                    .filter(line -> line.startsWith(IucodeToolText.BUNDLE_LINE_START)).forEach(out::println);
        }
        unknownFormatError(first);
        return BROKEN;
    }

    private void unknownFormatError(Bundle bundle) {
        message(0, "microcode bundle " + bundle.source() + ": unknown microcode format");
    }

    private boolean writes() {
        return options.earlyfw.isPresent() || options.writeTo.isPresent() || options.namedTo.isPresent()
                || options.allNamedTo.isPresent() || options.firmwareDirectory.isPresent();
    }

    private boolean read(IucodeToolOptions.Input input, List<Bundle> bundles) {
        try {
            if (input.isStandardInput()) {
                message(IucodeToolProgress.EACH_FILE, IucodeToolProgress.loading(STANDARD_INPUT));
                byte[] data = standardInput.readAllBytes();
                if (!readsBinaryOnly(input, STANDARD_INPUT) || !loadedText(bundles, data, STANDARD_INPUT)) {
                    loaded(bundles, parse(data, STANDARD_INPUT, input), data.length);
                }
            } else {
                Path named = FileNames.fromArgument(input.name());
                if (Files.isDirectory(named)) {
                    message(IucodeToolProgress.EACH_FILE, IucodeToolProgress.readingDirectory(input.name()));
                }
                for (Path file : MicrocodeInputs.files(List.of(named), FolderOrder.DIRECTORY, this::warning)) {
                    if (input.type() == 'r') {
                        recovered(bundles, Files.readAllBytes(file), file.toString(), input);
                    } else if (!readsAsText(input, file)) {
                        message(IucodeToolProgress.EACH_FILE, IucodeToolProgress.loading(file.toString()));
                        if (!readsBinaryOnly(input, file.toString()) || !Files.isReadable(file)
                                || !loadedText(bundles, Files.readAllBytes(file), file.toString())) {
                            loaded(bundles, inputs.read(file, options.parseMode(input)), Files.size(file));
                        }
                    } else if (!readText(file, input, bundles)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (MicrocodeFormatException e) {
            message(0, e.source() + ": " + (e.rule() == InputRule.UNREADABLE ? "cannot open: " + systemWords(e.detail()) : "invalid file format"));
        } catch (IOException e) {
            message(0, (input.isStandardInput() ? STANDARD_INPUT : input.name()) + ": cannot read: " + IoMessages.reason(e));
        }
        return false;
    }

    /**
     * Binary mode never reads text: a text file too short for a binary one is refused as iucode_tool refuses it
     * while loading; a longer one is loaded as a bundle of no microcode, of an unknown format. False when
     * {@code data} is not text.
     */
    private boolean loadedText(List<Bundle> bundles, byte[] data, String source) throws MicrocodeFormatException {
        if (firstNonTextByte(data) >= 0) {
            return false;
        }
        if (data.length < SMALLEST_BINARY_FILE) {
            throw new MicrocodeFormatException(InputRule.UNRECOGNIZED, source, 0, "text where binary microcode was asked for");
        }
        Bundle bundle = new Bundle(source, Vendor.INTEL, List.of(), List.of());
        unknownFormat.add(bundle);
        loaded(bundles, bundle, data.length);
        return true;
    }

    // -t r scans binary data for microcode blocks; text holds none, and a file with none is skipped.
    private void recovered(List<Bundle> bundles, byte[] data, String source, IucodeToolOptions.Input input)
            throws MicrocodeFormatException {
        message(IucodeToolProgress.EACH_FILE, IucodeToolProgress.loadingRecovery(source));
        Bundle bundle = firstNonTextByte(data) < 0 ? new Bundle(source, Vendor.INTEL, List.of(), List.of())
                : parse(data, source, input);
        if (data.length >= SMALLEST_BINARY_FILE) {
            IucodeToolProgress.scan(bundle.patches()).forEach(line -> message(IucodeToolProgress.EACH_FILE, line));
        }
        if (bundle.patches().isEmpty()) {
            message(0, source + ": no microcodes found in data file, skipping..."); // even with -q, as iucode_tool
        } else {
            loaded(bundles, bundle, data.length);
        }
    }

    // -t b, and -t a for a name not ending in .dat; -t r searches any data for binary microcode.
    private static boolean readsBinaryOnly(IucodeToolOptions.Input input, String name) {
        return input.type() == 'b' || (input.type() == 'a' && !name.endsWith(".dat"));
    }

    // -t d reads text; -t a (the default) reads a name ending in .dat as text, anything else as binary.
    private static boolean readsAsText(IucodeToolOptions.Input input, Path file) {
        return input.type() == 'd' || (input.type() == 'a' && file.getFileName().toString().endsWith(".dat"));
    }

    // iucode_tool's text errors name the line, of the first byte that is not text or of the value that is wrong.
    private boolean readText(Path file, IucodeToolOptions.Input input, List<Bundle> bundles) throws IOException {
        message(IucodeToolProgress.EACH_FILE, IucodeToolProgress.loadingText(file.toString()));
        byte[] text = Files.readAllBytes(file);
        int notText = firstNonTextByte(text);
        if (notText >= 0) {
            textError(file, text, notText);
            return false;
        }
        try {
            Bundle bundle = parse(text, file.toString(), input);
            loaded(bundles, bundle, bundle.patches().stream().mapToLong(MicrocodePatch::size).sum());
            return true;
        } catch (MicrocodeFormatException e) {
            textError(file, text, e.offset());
            return false;
        }
    }

    private void textError(Path file, byte[] text, long offset) {
        message(0, file + ": line " + lineOf(text, offset) + ": invalid file format");
    }

    // Text is printable ASCII, tabs and line ends; -1 when every byte is.
    private static int firstNonTextByte(byte[] text) {
        for (int i = 0; i < text.length; i++) {
            byte b = text[i];
            if ((b < 0x20 || b > 0x7e) && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static long lineOf(byte[] text, long offset) {
        long line = 1;
        for (int i = 0; i < Math.min(offset, text.length); i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private void loaded(List<Bundle> bundles, Bundle bundle, long bytes) {
        bundles.add(bundle);
        message(IucodeToolProgress.EACH_FILE, IucodeToolProgress.loaded(bundles.size(), bundle.source(), bytes));
    }

    private Bundle parse(byte[] data, String source, IucodeToolOptions.Input input) throws MicrocodeFormatException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        MicrocodeOps driver = inputs.drivers().recognize(buffer)
                .orElseThrow(() -> new MicrocodeFormatException(InputRule.UNRECOGNIZED, source, 0, ""));
        return driver.parse(buffer, source, options.parseMode(input));
    }

    private Selection selection(List<Bundle> bundles) throws IOException, BackendUnavailableException {
        Selection.Builder builder = Selection.builder();
        for (IucodeToolOptions.SelectionStep step : options.selection) {
            if (step.isScanSystem()) {
                scanSystem(builder);
            } else {
                builder.signature(step.filter().orElseThrow());
            }
        }
        options.dateBefore.ifPresent(builder::dateBefore);
        options.dateAfter.ifPresent(builder::dateAfter);
        if (options.looseDateFiltering) {
            builder.looseDates(bundles.stream().flatMap(bundle -> bundle.patches().stream()).toList());
        }
        return builder.build();
    }

    // The running CPUs' signatures, read as status reads them; a machine with no Intel CPU selects nothing by it.
    private void scanSystem(Selection.Builder builder) throws IOException, BackendUnavailableException {
        Platform platform;
        ApplyBackends.ReadingChoice choice = ApplyBackends.load().chooseForReading(Optional.empty());
        try (ChosenBackend chosen = new ChosenBackend(choice)) {
            platform = choice.machine().isPresent() ? choice.machine().get() : chosen.backend().platform();
        } catch (IOException | BackendUnavailableException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("releasing the backend that read this machine failed", e);
        }
        if (platform.vendors().contains(Vendor.INTEL)) {
            builder.platform(platform);
        } else {
            message(1, "running on a non-Intel processor");
            builder.requireExplicitInclusion();
        }
    }

    private int write(MicrocodeCache cache, List<Bundle> bundles) throws MicrocodeFormatException {
        MicrocodeWriter writer = new MicrocodeWriter(inputs.drivers());
        if (options.earlyfw.isPresent() && !writeFile(options.earlyfw.get(), cache,
                options.miniEarlyfw ? writer.minimalEarlyInitramfs(cache) : writer.earlyInitramfs(cache))) {
            return BROKEN;
        }
        if (options.writeTo.isPresent() && !writeFile(options.writeTo.get(), cache, writer.concatenated(cache, Vendor.INTEL))) {
            return BROKEN;
        }
        if (options.namedTo.isPresent() && !writeFiles(options.namedTo.get(), NAMED_FILES, writer.namedFiles(cache),
                FolderContents.named(cache))) {
            return BROKEN;
        }
        List<Bundle> intel = bundles.stream().filter(bundle -> bundle.vendor() == Vendor.INTEL).toList();
        if (options.allNamedTo.isPresent() && !writeFiles(options.allNamedTo.get(), NAMED_FILES, writer.allNamedFiles(intel),
                FolderContents.allNamed(intel))) {
            return BROKEN;
        }
        if (options.firmwareDirectory.isPresent() && !writeFiles(options.firmwareDirectory.get(), "microcode firmware file(s)",
                withoutVendorFolder(writer.firmwareFiles(cache)), FolderContents.firmware(cache, inputs.drivers()))) {
            return BROKEN;
        }
        return ExitCode.OK;
    }

    private boolean writeFile(String name, MicrocodeCache cache, ByteBuffer content) {
        message(1, "Writing selected microcodes to: " + name);
        try {
            int bytes = content.remaining();
            OutputFiles.write(FileNames.fromArgument(name), content, options.overwrite);
            List<NumberedMicrocode> microcodes = IucodeToolProgress.written(cache);
            IucodeToolProgress.writing(name, microcodes).forEach(line -> message(IucodeToolProgress.EACH_FILE, line));
            message(IucodeToolProgress.COUNTS, IucodeToolProgress.written(name, microcodes, bytes));
            return true;
        } catch (FileAlreadyExistsException e) {
            message(0, name + ": cannot write to, or create file: File exists");
        } catch (IOException e) {
            message(0, name + ": cannot write to, or create file: " + IoMessages.reason(e));
        }
        return false;
    }

    // iucode_tool writes into a folder that exists; it never creates one. contents says which microcodes each file holds.
    private boolean writeFiles(String directory, String what, Map<String, ByteBuffer> files,
            Map<String, List<NumberedMicrocode>> contents) {
        message(1, "Writing " + what + " into " + directory);
        Path folder = FileNames.fromArgument(directory);
        if (!Files.isDirectory(folder)) {
            message(0, directory + ": cannot open: No such file or directory");
            return false;
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        files.forEach((name, content) -> sizes.put(name, content.remaining()));
        try {
            MicrocodeWriter.writeFiles(folder, files, options.overwrite);
            sizes.forEach((name, bytes) -> {
                IucodeToolProgress.writing(name, contents.get(name)).forEach(line -> message(IucodeToolProgress.EACH_FILE, line));
                message(IucodeToolProgress.COUNTS, IucodeToolProgress.written(name, contents.get(name), bytes));
            });
            message(IucodeToolProgress.COUNTS, IucodeToolProgress.filesWritten(files.size(), directory));
            return true;
        } catch (FileAlreadyExistsException e) {
            message(0, e.getFile() + ": cannot write to, or create file: File exists");
        } catch (IOException e) {
            message(0, directory + ": cannot write to, or create file: " + IoMessages.reason(e));
        }
        return false;
    }

    private static Map<String, ByteBuffer> withoutVendorFolder(Map<String, ByteBuffer> files) {
        Map<String, ByteBuffer> inFolder = new LinkedHashMap<>();
        files.forEach((name, content) -> inFolder.put(FolderContents.withoutVendorFolder(name), content));
        return inFolder;
    }

    // The C library's words for an error start with a capital ("No such file or directory"); the library's do not.
    private static String systemWords(String reason) {
        return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }

    private void warning(String text) {
        message(1, text);
    }

    // iucode_tool prints a message only at or above its verbosity: 0 errors (even with -q), 1 the default.
    private void message(int level, String text) {
        if (level == 0 || options.verbosity >= level) {
            err.println(program + ": " + text);
        }
    }
}
