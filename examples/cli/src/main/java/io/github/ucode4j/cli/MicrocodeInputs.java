package io.github.ucode4j.cli;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.ParseMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the PATH arguments: a file is read as given; a directory contributes every regular file whose name does not
 * start with '.', sorted by name for a stable order, its subdirectories skipped (as iucode_tool does), and so are
 * its other entries that are not regular files: FIFOs, devices, dangling links and link loops. A path given itself
 * must be a regular file (or a link to one) of at most {@link #MAX_INPUT_BYTES}. The content, not the name, picks
 * the vendor's driver.
 */
public final class MicrocodeInputs {
    /**
     * The largest input read, 64 MiB: many times the largest vendor file (a few MiB), so that a huge or sparse file
     * is refused by its size before any of it is read into memory.
     */
    public static final long MAX_INPUT_BYTES = 64L << 20;

    private final MicrocodeDrivers drivers;

    /** Inputs read through {@code drivers}. */
    public MicrocodeInputs(MicrocodeDrivers drivers) {
        this.drivers = drivers;
    }

    /** Inputs read through the drivers on the class path. */
    public static MicrocodeInputs withInstalledDrivers() {
        return new MicrocodeInputs(MicrocodeDrivers.load());
    }

    /** The drivers the inputs are read through. */
    public MicrocodeDrivers drivers() {
        return drivers;
    }

    /**
     * The files {@code paths} name, in order, directories expanded.
     *
     * @throws MicrocodeFormatException when a path does not exist or a directory cannot be listed
     */
    public static List<Path> files(List<Path> paths) throws MicrocodeFormatException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(directoryEntries(path));
            } else if (Files.exists(path)) {
                files.add(path);
            } else if (Files.isSymbolicLink(path)) {
                throw unreadable(path, "a symbolic link that leads to no file: dangling, or a loop");
            } else {
                throw unreadable(path, "no such file or directory");
            }
        }
        return files;
    }

    /**
     * Every input {@code paths} name, parsed in {@code mode}, in order.
     *
     * @throws MicrocodeFormatException for the first input that is unreadable, not microcode, or broken
     */
    public List<Bundle> readAll(List<Path> paths, ParseMode mode) throws MicrocodeFormatException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files(paths)) {
            bundles.add(read(file, mode));
        }
        return bundles;
    }

    /**
     * One file, parsed in {@code mode}.
     *
     * @throws MicrocodeFormatException when it is unreadable, empty, not microcode, or broken
     */
    public Bundle read(Path file, ParseMode mode) throws MicrocodeFormatException {
        ByteBuffer data = contents(file);
        MicrocodeOps driver = drivers.recognize(data).orElseThrow(
                () -> new MicrocodeFormatException(InputRule.UNRECOGNIZED, file.toString(), 0, ""));
        return driver.parse(data, file.toString(), mode);
    }

    /**
     * The firmware directories' microcode: for each root, its {@code intel-ucode/} and {@code amd-ucode/} folders
     * when it has either (as {@code /lib/firmware} does), else the root itself. Files no driver recognises (a
     * README, a signature) are skipped with a warning, as a firmware tree holds more than microcode.
     *
     * @throws MicrocodeFormatException when a root is missing or a microcode file is broken
     */
    public List<Bundle> readFirmware(List<Path> roots, Consumer<String> warnings) throws MicrocodeFormatException {
        List<Path> inputs = new ArrayList<>();
        for (Path root : roots) {
            List<Path> vendorFolders = Stream.of("intel-ucode", "amd-ucode").map(root::resolve).filter(Files::isDirectory).toList();
            inputs.addAll(vendorFolders.isEmpty() ? List.of(root) : vendorFolders);
        }
        List<Bundle> bundles = new ArrayList<>();
        for (Path file : files(inputs)) {
            ByteBuffer data = contents(file);
            Optional<MicrocodeOps> driver = drivers.recognize(data);
            if (driver.isPresent()) {
                bundles.add(driver.get().parse(data, file.toString(), ParseMode.STRICT));
            } else {
                warnings.accept("skipped " + file + ": not microcode");
            }
        }
        return bundles;
    }

    private static List<Path> directoryEntries(Path directory) throws MicrocodeFormatException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw unreadable(directory, "cannot list the directory: " + e.getMessage());
        }
    }

    private static ByteBuffer contents(Path file) throws MicrocodeFormatException {
        // Checked before opening: opening a FIFO waits for a writer, and a device such as /dev/zero never ends.
        if (!Files.isRegularFile(file)) {
            throw unreadable(file, Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "is a directory" : "not a regular file");
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > MAX_INPUT_BYTES) {
                throw new MicrocodeFormatException(InputRule.TOO_LARGE, file.toString(), 0,
                        size + " bytes; ucode reads files of up to " + MAX_INPUT_BYTES + " bytes");
            }
            // At most the size seen: a file that grows while it is read cannot make the buffer grow with it.
            ByteBuffer data = ByteBuffer.allocate((int) size);
            while (data.hasRemaining() && channel.read(data) >= 0) {
                // each read fills more of the buffer; -1 ends early, when the file shrank meanwhile
            }
            if (data.flip().limit() == 0) {
                throw new MicrocodeFormatException(InputRule.EMPTY, file.toString(), 0, "");
            }
            return data;
        } catch (IOException e) {
            throw unreadable(file, e.toString());
        }
    }

    private static MicrocodeFormatException unreadable(Path path, String why) {
        return new MicrocodeFormatException(InputRule.UNREADABLE, path.toString(), 0, why);
    }
}
