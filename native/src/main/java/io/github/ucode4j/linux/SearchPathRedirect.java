package io.github.ucode4j.linux;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's firmware loader pointed at a private folder for one reload, and put back after: how the {@code kernel}
 * backend keeps the system's own files and settings as they were after any outcome of a load, a crash included.
 *
 * <p>{@link #begin} writes the journal (the search path's value, the folder), makes the folder with the planned files,
 * and only then points the search path at it; {@link #end} puts the search path back, removes the folder, then the
 * journal. A process that dies anywhere in between leaves the journal, and the next load undoes what it names
 * ({@link #recoverLeftover}); readers only describe it ({@link #describeLeftover}). Undoing follows one rule, whoever
 * does it:
 * <ul>
 *   <li>the search path still names the folder: it is set back to the journal's value;
 *   <li>it holds the journal's value: the load ended before changing it, there is nothing to set;
 *   <li>it holds anything else: someone set it since, and their value is newer than the journal's, so it is left as
 *       it is and reported rather than overwritten;
 * </ul>
 * then the folder is removed in every case, and the journal last. When a step fails the journal stays, so the next
 * load tries again.
 *
 * <p>Each step (the firmware staged, the search path set and put back, the folder and journal removed) is logged at
 * {@code DEBUG}.
 */
final class SearchPathRedirect {
    private static final System.Logger LOG = System.getLogger(SearchPathRedirect.class.getName());
    private final Path runDirectory;
    private final FirmwareSearchPath searchPath;
    private final ReloadJournal journal;

    private SearchPathRedirect(Path runDirectory, FirmwareSearchPath searchPath, ReloadJournal journal) {
        this.runDirectory = runDirectory;
        this.searchPath = searchPath;
        this.journal = journal;
    }

    /** What the search path holds, measured against a journal. */
    private enum Found {
        /** It names the journal's folder. */
        FOLDER,
        /** It holds the journal's previous value. */
        PREVIOUS,
        /** It holds another value. */
        CHANGED_SINCE;

        static Found of(ReloadJournal journal, String searchPath) {
            return searchPath.equals(journal.folder().toString()) ? FOLDER
                    : searchPath.equals(journal.previousSearchPath()) ? PREVIOUS : CHANGED_SINCE;
        }
    }

    /**
     * Journals, writes {@code files} (firmware name to bytes) into this process's private folder in
     * {@code runDirectory}, and points the search path at it.
     *
     * @throws IOException when a step fails: what was done is undone then (a failure to undo is suppressed in it, and
     *     leaves the journal for the next load)
     */
    static SearchPathRedirect begin(Path runDirectory, FirmwareSearchPath searchPath, Map<String, ByteBuffer> files)
            throws IOException {
        long pid = ProcessHandle.current().pid();
        Path folder = FirmwareFolder.of(runDirectory, pid);
        Optional<String> unnameable = FirmwareSearchPath.cannotName(folder);
        if (unnameable.isPresent()) {
            throw new IOException(unnameable.get());
        }
        ReloadJournal journal = new ReloadJournal(pid, folder, searchPath.read());
        journal.write(runDirectory);
        SearchPathRedirect redirect = new SearchPathRedirect(runDirectory, searchPath, journal);
        FirmwareFolder created;
        try {
            created = FirmwareFolder.create(folder);
        } catch (IOException e) {
            redirect.undoAfter(false, e); // what is at the folder's name is not ours: left alone
            throw e;
        }
        try {
            for (Map.Entry<String, ByteBuffer> file : files.entrySet()) {
                created.write(file.getKey(), file.getValue());
            }
            LOG.log(Level.DEBUG, () -> "staged " + files.size() + " firmware files in " + folder + ": " + files.keySet());
            searchPath.write(folder.toString());
            LOG.log(Level.DEBUG, () -> "firmware_class.path set to " + folder + " (it was '" + journal.previousSearchPath() + "')");
        } catch (IOException e) {
            redirect.undoAfter(true, e);
            throw e;
        }
        return redirect;
    }

    /** The private folder the search path names. */
    Path folder() {
        return journal.folder();
    }

    /** The search path's value before the load, which {@link #end} puts back. */
    String previousSearchPath() {
        return journal.previousSearchPath();
    }

    /**
     * Puts the search path back and removes the folder and the journal.
     *
     * @return a note when the search path was set to something else during the load (it is left as it is then)
     * @throws IOException when a step fails (the journal stays for the next load)
     */
    Optional<String> end() throws IOException {
        String now = searchPath.read();
        Found found = Found.of(journal, now);
        undo(runDirectory, searchPath, journal, found, true);
        return found == Found.CHANGED_SINCE
                ? Optional.of("firmware_class.path was set to '" + now + "' during the load: left as it is") : Optional.empty();
    }

    private void undoAfter(boolean folderIsOurs, IOException failure) {
        try {
            undo(runDirectory, searchPath, journal, Found.of(journal, searchPath.read()), folderIsOurs);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void undo(Path runDirectory, FirmwareSearchPath searchPath, ReloadJournal journal, Found found,
                             boolean folderIsOurs) throws IOException {
        if (found == Found.FOLDER) {
            searchPath.write(journal.previousSearchPath());
            LOG.log(Level.DEBUG, () -> "firmware_class.path put back to '" + journal.previousSearchPath() + "'");
        }
        if (folderIsOurs) {
            FirmwareFolder.remove(journal.folder());
        }
        ReloadJournal.delete(runDirectory);
        LOG.log(Level.DEBUG, () -> "removed " + (folderIsOurs ? journal.folder() + " and " : "") + "the journal");
    }

    /**
     * Undoes a load that died half-way, if its journal is in {@code runDirectory}. Only for a caller that holds
     * the backend's {@link io.github.ucode4j.api.host.HostLock}: then the journal's process is gone.
     *
     * @return what was found and done, for a person ({@code "a previous load (pid 4242) was interrupted;
     *     firmware_class.path restored to ''"}), or empty when there was no journal
     * @throws IOException when the journal cannot be used or a step fails (the journal stays)
     */
    static Optional<String> recoverLeftover(Path runDirectory, FirmwareSearchPath searchPath) throws IOException {
        Optional<ReloadJournal> leftover = ReloadJournal.read(runDirectory);
        if (leftover.isEmpty()) {
            return Optional.empty();
        }
        ReloadJournal journal = leftover.get();
        String now = searchPath.read();
        Found found = Found.of(journal, now);
        undo(runDirectory, searchPath, journal, found, true);
        String load = "a previous load (pid " + journal.pid() + ") was interrupted";
        return Optional.of(switch (found) {
            case FOLDER -> load + "; firmware_class.path restored to '" + journal.previousSearchPath() + "'";
            case PREVIOUS -> load + " before it changed firmware_class.path ('" + now + "'); its private folder was removed";
            case CHANGED_SINCE -> load + ", and firmware_class.path has been set to '" + now + "' since (it was '"
                    + journal.previousSearchPath() + "' before that load): left as it is; its private folder was removed";
        });
    }

    /**
     * Describes a journal left in {@code runDirectory}, changing nothing: a load under way, or one that died and that
     * the next load will undo.
     *
     * @return the description, or empty when there is no journal
     */
    static Optional<String> describeLeftover(Path runDirectory, FirmwareSearchPath searchPath) {
        try {
            Optional<ReloadJournal> leftover = ReloadJournal.read(runDirectory);
            if (leftover.isEmpty()) {
                return Optional.empty();
            }
            ReloadJournal journal = leftover.get();
            String load = "a load through the kernel backend (pid " + journal.pid() + ")";
            if (ProcessHandle.of(journal.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.of(load + " is under way: firmware_class.path names its private folder " + journal.folder()
                        + " until it ends");
            }
            String now = searchPath.read();
            return Optional.of(switch (Found.of(journal, now)) {
                case FOLDER -> load + " was interrupted and left firmware_class.path naming its private folder "
                        + journal.folder() + " (it was '" + journal.previousSearchPath() + "'): the next load through the "
                        + "kernel backend restores it";
                case PREVIOUS -> load + " was interrupted before it changed firmware_class.path: the next load through the "
                        + "kernel backend removes its private folder " + journal.folder();
                case CHANGED_SINCE -> load + " was interrupted, and firmware_class.path has been set to '" + now + "' since "
                        + "(it was '" + journal.previousSearchPath() + "' before that load): the next load through the kernel "
                        + "backend leaves it as it is and removes the private folder " + journal.folder();
            });
        } catch (IOException e) {
            return Optional.of("a load through the kernel backend left a journal in " + runDirectory + " that cannot be used ("
                    + e.getMessage() + "): check " + searchPath.parameter() + " by hand, then remove "
                    + runDirectory.resolve(ReloadJournal.FILE_NAME));
        }
    }
}
