package io.github.ucode4j.cache.input;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.ParseMode;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads microcode files, folders and firmware trees the way iucode_tool reads its arguments: a file is read as
 * given; a folder contributes every regular file whose name does not start with '.', in the {@link FolderOrder}
 * asked for (by name unless told otherwise), its subfolders, FIFOs and devices skipped; an entry that cannot be
 * looked at (a link to nothing, a loop of links, no permission) is skipped with a warning to the caller's consumer.
 * A file must be a regular file (or a link to one) of at most {@link #MAX_INPUT_BYTES}, and it is never opened
 * otherwise (opening a FIFO waits for a writer; a device may never end). The content, not the name, picks the
 * vendor's driver.
 *
 * <p>One instance is one reader's inputs: they share the budget {@link #MAX_TOTAL_INPUT_BYTES}, and a file named
 * several times (hard links, symbolic links, a folder and a path in it) is read and counted once, unless it changed
 * meanwhile. Every failure is a {@link MicrocodeFormatException} naming the input ({@link PathNames#display}), the
 * offset and the rule: an {@link InputRule} for the input itself, a driver's rule for its content. Not for several
 * threads at once.
 *
 * <p>Each file read is logged at {@code DEBUG} with its size, vendor and number of patches, and each one skipped
 * with why.
 */
public final class MicrocodeInputs {
    private static final System.Logger LOG = System.getLogger(MicrocodeInputs.class.getName());

    /**
     * The largest input read, 64 MiB: many times the largest vendor file (a few MiB), so that a huge or sparse file
     * is refused by its size before any of it is read into memory.
     */
    public static final long MAX_INPUT_BYTES = 64L << 20;

    /**
     * The most one instance reads in all, 256 MiB: more than ten times Debian's whole corpus (about 22 MB of Intel
     * and AMD files) and four files at {@link #MAX_INPUT_BYTES}, yet half the default heap of a machine with 2 GiB
     * (a quarter of its memory), so that many large inputs end with a clear error rather than out of memory. A file
     * named several times counts once.
     */
    public static final long MAX_TOTAL_INPUT_BYTES = 256L << 20;

    private final MicrocodeDrivers drivers;
    private final FolderOrder folderOrder;
    private final InputContents contents = new InputContents(MAX_INPUT_BYTES, MAX_TOTAL_INPUT_BYTES);

    /**
     * Inputs read through {@code drivers}, folders read in {@code folderOrder}.
     *
     * @param drivers the vendor drivers; a file none of them recognises is {@link InputRule#UNRECOGNIZED}
     * @param folderOrder the order in which a folder's files are read
     */
    public MicrocodeInputs(MicrocodeDrivers drivers, FolderOrder folderOrder) {
        this.drivers = drivers;
        this.folderOrder = folderOrder;
    }

    /**
     * Inputs read through the drivers on the class path, folders read in name order.
     *
     * @return a new reader with the installed drivers and {@link FolderOrder#SORTED}
     */
    public static MicrocodeInputs withInstalledDrivers() {
        return withInstalledDrivers(FolderOrder.SORTED);
    }

    /**
     * Inputs read through the drivers on the class path, folders read in {@code folderOrder}.
     *
     * @param folderOrder the order in which a folder's files are read
     * @return a new reader with the installed drivers
     */
    public static MicrocodeInputs withInstalledDrivers(FolderOrder folderOrder) {
        return new MicrocodeInputs(MicrocodeDrivers.load(), folderOrder);
    }

    /**
     * The drivers the inputs are read through.
     *
     * @return the drivers given at construction
     */
    public MicrocodeDrivers drivers() {
        return drivers;
    }

    /**
     * The order folders are read in.
     *
     * @return the order given at construction
     */
    public FolderOrder folderOrder() {
        return folderOrder;
    }

    /**
     * The files {@code paths} name, in order, folders expanded in {@code folderOrder}; a folder's entry that cannot
     * be looked at is skipped with a warning to {@code warnings} naming it and why. Reads no file.
     *
     * @param paths files and folders, in the order given
     * @param folderOrder the order in which a folder's files are listed
     * @param warnings receives one line per skipped entry, naming it and why
     * @return the files in the order {@code paths} names them, each folder's files in {@code folderOrder} in its
     *     place; a path named twice is listed twice
     * @throws MicrocodeFormatException ({@link InputRule#UNREADABLE}) when a path cannot be looked at or a folder
     *     given cannot be listed
     */
    public static List<Path> files(List<Path> paths, FolderOrder folderOrder, Consumer<String> warnings)
            throws MicrocodeFormatException {
        return FolderWalk.files(paths, folderOrder, warningsTo(warnings));
    }

    /**
     * One file, parsed in {@code mode}.
     *
     * @param file the file to read; a regular file or a symbolic link to one
     * @param mode how strictly its content is checked
     * @return the file's patches and findings, its source named as {@link PathNames#display} names the file
     * @throws MicrocodeFormatException when it is unreadable, not a regular file, empty, too large, past the budget
     *     ({@link InputRule}), not microcode ({@link InputRule#UNRECOGNIZED}), or broken (the driver's rule)
     */
    public Bundle read(Path file, ParseMode mode) throws MicrocodeFormatException {
        String source = PathNames.display(file);
        ByteBuffer data = contents.of(file, source);
        MicrocodeOps driver = drivers.recognize(data).orElseThrow(
                () -> new MicrocodeFormatException(InputRule.UNRECOGNIZED, source, 0, ""));
        return parse(driver, data, source, mode);
    }

    private static Bundle parse(MicrocodeOps driver, ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException {
        int size = data.remaining();
        Bundle bundle = driver.parse(data, source, mode);
        LOG.log(Level.DEBUG, () -> "read " + source + ": " + size + " bytes, " + bundle.vendor() + " microcode, "
                + bundle.patches().size() + " patches");
        return bundle;
    }

    /**
     * Every input {@code paths} name, parsed in {@code mode}, in order, folders in {@link #folderOrder()}; a
     * folder's entry that cannot be looked at is skipped with a warning to {@code warnings}.
     *
     * @param paths files and folders, in the order given
     * @param mode how strictly each file's content is checked
     * @param warnings receives one line per skipped folder entry, naming it and why
     * @return one bundle per file, in the order the files were listed (a file named twice gives two bundles)
     * @throws MicrocodeFormatException for the first input that is unreadable, not microcode, or broken
     */
    public List<Bundle> readAll(List<Path> paths, ParseMode mode, Consumer<String> warnings) throws MicrocodeFormatException {
        return parseEach(FolderWalk.files(paths, folderOrder, warningsTo(warnings)), mode);
    }

    /**
     * Every input {@code paths} name, parsed in {@code mode}, in order, for a caller with nowhere to print a
     * warning: a folder's entry that cannot be looked at is an error, never skipped in silence.
     *
     * @param paths files and folders, in the order given
     * @param mode how strictly each file's content is checked
     * @return one bundle per file, in the order the files were listed
     * @throws MicrocodeFormatException for the first input or entry that is unreadable, not microcode, or broken
     */
    public List<Bundle> readAll(List<Path> paths, ParseMode mode) throws MicrocodeFormatException {
        return parseEach(FolderWalk.files(paths, folderOrder, (entry, why) -> {
            throw FolderWalk.unreadable(entry, why);
        }), mode);
    }

    private List<Bundle> parseEach(List<Path> files, ParseMode mode) throws MicrocodeFormatException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files) {
            bundles.add(read(file, mode));
        }
        return bundles;
    }

    /**
     * The microcode of firmware trees, parsed strictly: for each root, its {@code intel-ucode/} and
     * {@code amd-ucode/} folders when it has either (as {@code /lib/firmware} does), else the root itself. Files no
     * driver recognises (a README, a signature), and entries or vendor folders that cannot be read, are skipped
     * with a warning to {@code warnings}, as a firmware tree holds more than microcode.
     *
     * @param roots firmware trees ({@code /lib/firmware}) or vendor folders, in the order given
     * @param warnings receives one line per skipped file, entry or vendor folder, naming it and why
     * @return one bundle per microcode file found, in reading order; empty when the trees hold none
     * @throws MicrocodeFormatException when a root is missing or a microcode file is broken
     */
    public List<Bundle> readFirmware(List<Path> roots, Consumer<String> warnings) throws MicrocodeFormatException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : FolderWalk.firmware(roots, folderOrder, warningsTo(warnings))) {
            String source = PathNames.display(file);
            ByteBuffer data = contents.of(file, source);
            Optional<MicrocodeOps> driver = drivers.recognize(data);
            if (driver.isPresent()) {
                bundles.add(parse(driver.get(), data, source, ParseMode.STRICT));
            } else {
                skipped(warnings, source, "not microcode");
            }
        }
        return bundles;
    }

    private static FolderWalk.Skipped warningsTo(Consumer<String> warnings) {
        return (entry, why) -> skipped(warnings, PathNames.display(entry), why);
    }

    private static void skipped(Consumer<String> warnings, String source, String why) {
        LOG.log(Level.DEBUG, () -> "skipped " + source + ": " + why);
        warnings.accept("skipped " + source + ": " + why);
    }
}
