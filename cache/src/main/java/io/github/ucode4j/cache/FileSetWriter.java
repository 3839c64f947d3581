package io.github.ucode4j.cache;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a checked {@link OutputPlan} all or nothing. Every file is first written to a temporary in its own
 * directory (created 0600, written, forced, then given its final mode and owner); only when all are staged are
 * they put in place, and if one cannot be, the earlier ones are undone: a replaced file comes back from the hard
 * link (or, where there are none, the name aside) it was kept under, a new file is removed, and so are the
 * directories made for the write. The directories are synced once the files are in place. Each file staged and
 * placed is logged at {@code DEBUG}.
 */
final class FileSetWriter {
    private static final System.Logger LOG = System.getLogger(FileSetWriter.class.getName());

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final FileOperations operations;

    /** A writer making its file system calls through {@code operations}. */
    FileSetWriter(FileOperations operations) {
        this.operations = operations;
    }

    /**
     * Writes every file of {@code plan} (not its unchanged targets, which are left as they are); on failure nothing
     * has changed.
     *
     * @param overwrite whether a target may be replaced; without it a target that appeared since the plan was
     *     checked is refused, not replaced
     * @throws IOException naming the target and the reason
     */
    void write(OutputPlan plan, boolean overwrite) throws IOException {
        WriteJournal journal = new WriteJournal(operations);
        try {
            for (Path directory : plan.directoriesToCreate()) {
                createDirectory(directory);
                journal.createdDirectory(directory);
            }
            List<Staged> staged = new ArrayList<>();
            for (Map.Entry<Path, ByteBuffer> file : plan.files().entrySet()) {
                staged.add(stage(file.getKey(), file.getValue(), journal));
            }
            for (Staged file : staged) {
                if (overwrite) {
                    replace(file, journal);
                } else {
                    placeNew(file, journal);
                }
            }
            syncDirectories(plan);
        } catch (IOException | RuntimeException | Error e) {
            journal.rollBack(e);
            throw e;
        }
        journal.commit();
    }

    /** A target's content, ready in a temporary beside it. */
    private record Staged(Path target, Path temporary, ByteBuffer content, FileOwnership ownership) {
    }

    private static void createDirectory(Path directory) throws IOException {
        try {
            Files.createDirectory(directory);
        } catch (IOException e) {
            throw OutputErrors.failed(directory, "cannot create the directory", e);
        }
    }

    private Staged stage(Path target, ByteBuffer content, WriteJournal journal) throws IOException {
        Path temporary;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp", OWNER_ONLY);
        } catch (IOException e) {
            throw OutputErrors.failed(target, "cannot create a temporary file in " + target.getParent(), e);
        }
        journal.temporary(temporary);
        FileOwnership ownership = FileOwnership.of(target);
        writeForced(target, temporary, content);
        giveOwnership(target, temporary, ownership);
        LOG.log(Level.DEBUG, () -> "staged " + target + ": " + content.remaining() + " bytes in " + temporary);
        return new Staged(target, temporary, content, ownership);
    }

    private void writeForced(Path target, Path file, ByteBuffer content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer remaining = content.duplicate();
            while (remaining.hasRemaining()) {
                operations.write(channel, remaining);
            }
            channel.force(true);
        } catch (IOException e) {
            throw OutputErrors.failed(target, "writing failed", e);
        }
    }

    private void giveOwnership(Path target, Path file, FileOwnership ownership) throws IOException {
        try {
            if (operations.keepsModes(target.getParent())) {
                ownership.applyTo(file);
            }
        } catch (IOException e) {
            throw OutputErrors.failed(target, "cannot give it mode 0" + Integer.toOctalString(ownership.mode()) + " and its owner", e);
        }
    }

    // rename(2) replaces whatever is at the target in one step and never writes through a link there.
    private void replace(Staged file, WriteJournal journal) throws IOException {
        Path target = file.target();
        boolean replacing = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        Path aside = target.resolveSibling(file.temporary().getFileName().toString().replaceFirst("\\.tmp$", ".replaced"));
        if (replacing) {
            keepAside(target, aside);
            journal.keptAside(target, aside);
        }
        try {
            operations.rename(file.temporary(), target);
        } catch (IOException e) {
            throw OutputErrors.failed(target, "cannot rename the temporary file into place", e);
        }
        if (!replacing) {
            journal.created(target);
        }
        LOG.log(Level.DEBUG, () -> "placed " + target + (replacing ? ", the file it replaces kept as " + aside.getFileName()
                + " until the end" : ""));
    }

    // A hard link keeps the old file without a moment where the target is missing; where there are no hard
    // links, the old file is renamed aside, for the instant before the new one takes its place.
    private void keepAside(Path target, Path aside) throws IOException {
        try {
            try {
                operations.link(aside, target);
            } catch (FileSystemException | UnsupportedOperationException e) {
                if (!withoutHardLinks(e)) {
                    throw e;
                }
                operations.rename(target, aside);
            }
        } catch (IOException e) {
            throw OutputErrors.failed(target, "cannot keep the file it replaces as " + aside.getFileName(), e);
        }
    }

    // link(2) fails when the target appeared meanwhile, where a rename would silently replace it.
    private void placeNew(Staged file, WriteJournal journal) throws IOException {
        Path target = file.target();
        try {
            operations.link(target, file.temporary());
        } catch (FileAlreadyExistsException e) {
            throw OutputErrors.exists(target);
        } catch (FileSystemException | UnsupportedOperationException e) {
            if (!withoutHardLinks(e)) {
                throw OutputErrors.failed(target, "cannot link the temporary file into place", e);
            }
            createExclusively(file);
        } catch (IOException e) {
            throw OutputErrors.failed(target, "cannot link the temporary file into place", e);
        }
        journal.created(target);
        LOG.log(Level.DEBUG, () -> "placed " + target);
    }

    // Where link(2) does not work, O_CREAT|O_EXCL is the other call that never replaces what is there.
    private void createExclusively(Staged file) throws IOException {
        Path target = file.target();
        try {
            Files.createFile(target, OWNER_ONLY);
        } catch (FileAlreadyExistsException e) {
            throw OutputErrors.exists(target);
        } catch (IOException e) {
            throw OutputErrors.failed(target, "cannot create it", e);
        }
        try {
            writeForced(target, target, file.content());
            giveOwnership(target, target, file.ownership());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    // Whether link(2) failed because the file system has no hard links (vfat: EPERM; others: ENOTSUP) rather than
    // for a reason that would stop any other call too; the JDK gives those their own types.
    private static boolean withoutHardLinks(Exception e) {
        return e instanceof UnsupportedOperationException || e.getClass() == FileSystemException.class;
    }

    // A plan whose every target already holds its bytes writes nothing, so there is nothing to sync.
    private static void syncDirectories(OutputPlan plan) throws IOException {
        Set<Path> directories = new LinkedHashSet<>();
        plan.directoriesToCreate().forEach(d -> directories.add(d.getParent()));
        plan.files().keySet().forEach(f -> directories.add(f.getParent()));
        for (Path directory : directories) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                throw OutputErrors.failed(directory, "cannot sync the directory", e);
            }
        }
    }
}
