package io.github.ucode4j.cache.input;

import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.cache.IoMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files paths and firmware roots name, the way iucode_tool walks its arguments: a file as given; a
 * folder's regular files whose names do not start with '.', in the {@link FolderOrder} asked for, its subfolders,
 * FIFOs and devices skipped; an entry that cannot even be looked at (a link to nothing, a loop of links, no
 * permission) is skipped with the reason, never in silence.
 */
final class FolderWalk {
    /** What becomes of an entry the walk cannot look at: a warning, or an error. */
    @FunctionalInterface
    interface Skipped {
        /** {@code entry} is not read, because {@code why}. */
        void entry(Path entry, String why) throws MicrocodeFormatException;
    }

    private static final List<String> VENDOR_FOLDERS = List.of("intel-ucode", "amd-ucode");

    private FolderWalk() {
    }

    /**
     * The files {@code paths} name, in order, folders expanded in {@code order}.
     *
     * @throws MicrocodeFormatException when a path cannot be looked at or a folder given cannot be listed
     */
    static List<Path> files(List<Path> paths, FolderOrder order, Skipped skipped) throws MicrocodeFormatException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                throw unreadable(path, why(path, e));
            }
            if (!attributes.isDirectory()) {
                files.add(path);
                continue;
            }
            try {
                files.addAll(entries(path, order, skipped));
            } catch (IOException e) {
                throw unreadable(path, "cannot list the folder: " + why(path, e));
            }
        }
        return files;
    }

    /**
     * The files of firmware folders: for each root, its {@code intel-ucode/} and {@code amd-ucode/} folders when it
     * has either (as {@code /lib/firmware} does), a vendor folder that cannot be listed skipped with the reason;
     * else the root itself, as {@link #files} reads it; each folder in {@code order}.
     *
     * @throws MicrocodeFormatException when a root without vendor folders cannot be read
     */
    static List<Path> firmware(List<Path> roots, FolderOrder order, Skipped skipped) throws MicrocodeFormatException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            List<Path> vendorFolders = VENDOR_FOLDERS.stream().map(root::resolve)
                    .filter(folder -> Files.exists(folder, LinkOption.NOFOLLOW_LINKS)).toList();
            if (vendorFolders.isEmpty()) {
                files.addAll(files(List.of(root), order, skipped));
            }
            for (Path folder : vendorFolders) {
                try {
                    files.addAll(entries(folder, order, skipped));
                } catch (IOException e) {
                    skipped.entry(folder, why(folder, e));
                }
            }
        }
        return files;
    }

    private static List<Path> entries(Path folder, FolderOrder order, Skipped skipped)
            throws IOException, MicrocodeFormatException {
        List<Path> names;
        // Files.list returns the entries in the folder's own order, as readdir does.
        try (Stream<Path> entries = Files.list(folder)) {
            Stream<Path> visible = entries.filter(entry -> !entry.getFileName().toString().startsWith("."));
            names = (order == FolderOrder.SORTED ? visible.sorted() : visible).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> files = new ArrayList<>();
        for (Path entry : names) {
            try {
                if (Files.readAttributes(entry, BasicFileAttributes.class).isRegularFile()) {
                    files.add(entry);
                }
            } catch (IOException e) {
                skipped.entry(entry, why(entry, e));
            }
        }
        return files;
    }

    /** Why {@code path} could not be looked at, in words; a link to nothing says so rather than "no such file". */
    static String why(Path path, IOException e) {
        if (e instanceof NoSuchFileException && Files.isSymbolicLink(path)) {
            return "a symbolic link to nothing";
        }
        return IoMessages.reason(e);
    }

    static MicrocodeFormatException unreadable(Path path, String why) {
        return new MicrocodeFormatException(InputRule.UNREADABLE, PathNames.display(path), 0, why);
    }
}
