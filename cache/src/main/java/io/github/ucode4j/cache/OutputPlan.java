package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of output files checked before anything is written: every directory to use or create is a directory and
 * not a symbolic link, every target is absent or a regular file that may be replaced, and each file store has room
 * for all the files it is to hold. A target that already holds exactly its content is left out of the files to
 * write.
 *
 * @param directoriesToCreate the directories that do not exist yet, each after its parent
 * @param files the content of each target to write, by absolute path, in the order given
 * @param unchanged the targets that already hold their content
 */
record OutputPlan(List<Path> directoriesToCreate, Map<Path, ByteBuffer> files, Set<Path> unchanged) {

    /**
     * Checks that {@code files}, each under {@code root}, can be written.
     *
     * @param root the output directory: it and everything below it must be real directories
     * @param mayCreateRoot whether {@code root} (and its missing parents) may be created
     * @param overwrite whether existing regular files may be replaced
     * @throws FileAlreadyExistsException when a target exists and {@code overwrite} is false
     * @throws FileSystemException naming the path: a symbolic link, not a directory or not a regular file where
     *     one is needed, a missing {@code root} that may not be created, too little space, or an existing target
     *     that cannot be read to compare it with its content
     */
    static OutputPlan check(Path root, boolean mayCreateRoot, Map<Path, ByteBuffer> files, boolean overwrite)
            throws IOException {
        Set<Path> toCreate = new LinkedHashSet<>();
        checkRoot(root, mayCreateRoot, toCreate);
        Set<Path> checked = new HashSet<>(Set.of(root));
        Map<Path, ByteBuffer> toWrite = new LinkedHashMap<>();
        Set<Path> unchanged = new HashSet<>();
        for (Map.Entry<Path, ByteBuffer> file : files.entrySet()) {
            Path target = file.getKey();
            for (Path directory : directoriesBetween(root, target.getParent())) {
                if (checked.add(directory)) {
                    checkDirectory(directory, toCreate);
                }
            }
            checkTarget(target, overwrite);
            if (holds(target, file.getValue())) {
                unchanged.add(target);
            } else {
                toWrite.put(target, file.getValue());
            }
        }
        checkSpace(toWrite, toCreate);
        return new OutputPlan(List.copyOf(toCreate), toWrite, Set.copyOf(unchanged));
    }

    private static void checkRoot(Path root, boolean mayCreate, Set<Path> toCreate) throws IOException {
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            checkDirectory(root, toCreate);
            return;
        }
        if (!mayCreate) {
            throw new FileSystemException(root.toString(), null, "no such directory");
        }
        // The parents above the output directory may be links (/lib is one on merged-/usr systems): the caller
        // named them. Only the missing ones are created, and removed again on failure.
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = root;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing);
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new FileSystemException(existing.toString(), null, "not a directory");
        }
        toCreate.addAll(missing);
    }

    private static void checkDirectory(Path directory, Set<Path> toCreate) throws FileSystemException {
        refuseLink(directory);
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            toCreate.add(directory);
        } else if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemException(directory.toString(), null, "not a directory");
        }
    }

    private static void checkTarget(Path target, boolean overwrite) throws FileSystemException {
        refuseLink(target);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(target.toString(), null, "not a regular file; refusing to replace it");
            }
            if (!overwrite) {
                throw OutputErrors.exists(target);
            }
        }
    }

    private static boolean holds(Path target, ByteBuffer content) throws FileSystemException {
        try {
            return ExistingContent.holds(target, content);
        } catch (IOException e) {
            throw OutputErrors.failed(target, "cannot read it to compare it with what is to be written", e);
        }
    }

    // Each store must hold every new file whole, in its own blocks: replaced files are kept until the last rename.
    private static void checkSpace(Map<Path, ByteBuffer> files, Set<Path> toCreate) throws IOException {
        Map<FileStore, Long> needed = new HashMap<>();
        for (Map.Entry<Path, ByteBuffer> file : files.entrySet()) {
            FileStore store = Files.getFileStore(nearestExisting(file.getKey().getParent(), toCreate));
            long blockSize = store.getBlockSize();
            long blocks = (file.getValue().remaining() + blockSize - 1) / blockSize;
            long total = needed.merge(store, blocks * blockSize, Long::sum);
            long usable = store.getUsableSpace();
            if (total > usable) {
                throw new FileSystemException(file.getKey().toString(), null, "No space left on device: the files to write on "
                        + store + " need " + total + " bytes up to this one, " + usable + " are free; nothing was written");
            }
        }
    }

    private static Path nearestExisting(Path directory, Set<Path> toCreate) {
        Path existing = directory;
        while (toCreate.contains(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    // The directories from below root down to directory, parents first; none when directory is root.
    private static List<Path> directoriesBetween(Path root, Path directory) {
        List<Path> between = new ArrayList<>();
        for (Path d = directory; !d.equals(root); d = d.getParent()) {
            between.add(0, d);
        }
        return between;
    }

    private static void refuseLink(Path path) throws FileSystemException {
        if (Files.isSymbolicLink(path)) {
            throw new FileSystemException(path.toString(), null, "is a symbolic link; refusing to write through it");
        }
    }
}
