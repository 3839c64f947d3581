package io.github.ucode4j.cache;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What one write of a set of files changed, so that a failure can put everything back: the directories it made,
 * the targets it placed (each with the file it replaced, kept under another name until the end) and its
 * temporary files. What it undoes, and the end of a write, are logged at {@code DEBUG}.
 */
final class WriteJournal {
    private static final System.Logger LOG = System.getLogger(WriteJournal.class.getName());

    /** One change undone. */
    private interface Undo {
        void run() throws IOException;
    }

    private final FileOperations operations;
    private final Deque<Undo> undos = new ArrayDeque<>();
    private final List<Path> temporaries = new ArrayList<>();
    private final List<Path> keptAside = new ArrayList<>();

    WriteJournal(FileOperations operations) {
        this.operations = operations;
    }

    /** A directory made for this write: removed on failure. */
    void createdDirectory(Path directory) {
        undos.push(() -> {
            Files.delete(directory);
            LOG.log(Level.DEBUG, () -> "removed the directory " + directory);
        });
    }

    /** A temporary file: removed at the end, whatever happens. */
    void temporary(Path temporary) {
        temporaries.add(temporary);
    }

    /** The file that was at {@code target}, now also at {@code aside}: put back on failure, else removed. */
    void keptAside(Path target, Path aside) {
        keptAside.add(aside);
        undos.push(() -> {
            operations.rename(aside, target);
            LOG.log(Level.DEBUG, () -> "put back " + target + " from " + aside.getFileName());
        });
    }

    /** A new file at {@code target}, where there was none: removed on failure. */
    void created(Path target) {
        undos.push(() -> {
            Files.delete(target);
            LOG.log(Level.DEBUG, () -> "removed " + target);
        });
    }

    /**
     * Removes the temporaries and undoes every change, newest first; what cannot be undone is added to
     * {@code failure} as suppressed.
     */
    void rollBack(Throwable failure) {
        LOG.log(Level.DEBUG, () -> "undoing the write: " + failure.getMessage());
        // The temporaries first: a directory made for this write can only go once it is empty.
        for (Path temporary : temporaries) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        while (!undos.isEmpty()) {
            try {
                undos.pop().run();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Keeps every change and removes the temporaries and the replaced files kept aside. The files are in place by
     * then, so a leftover is logged, not thrown.
     */
    void commit() {
        List<Path> leftovers = new ArrayList<>(temporaries);
        leftovers.addAll(keptAside);
        for (Path leftover : leftovers) {
            try {
                Files.deleteIfExists(leftover);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "the files are written, but " + leftover + " could not be removed", e);
            }
        }
        LOG.log(Level.DEBUG, () -> "written: " + temporaries.size() + " files in place, " + leftovers.size()
                + " temporary and replaced files removed");
    }
}
