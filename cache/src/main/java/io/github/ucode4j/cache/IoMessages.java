package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * What a failed file operation means, in words: the standard {@code java.nio.file} exceptions carry their meaning in
 * their class and only the path in their message, and neither a class name nor a bare path tells a person anything.
 * The one place the library and its users turn a file exception into a sentence: the writers' errors, the inputs'
 * errors and a command's error line all say it so.
 */
public final class IoMessages {
    // The JDK reports ELOOP as a plain FileSystemException whose reason ends so, in English whatever the locale.
    private static final String LINK_LOOP_MARK = "unable to access attributes of symbolic link";

    private IoMessages() {
    }

    /**
     * The path and what went wrong: {@code /lib/firmware/intel-ucode: permission denied}.
     *
     * @param e the failure of a file operation; not null
     * @return the file (and the other file, for a move or a link) and the reason, or the reason alone when the
     *     exception names no file
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + reason(e);
        }
        return reason(e);
    }

    /**
     * What went wrong, without the path: {@code permission denied}, {@code a loop of symbolic links}; the reason the
     * exception was given, when it was given one.
     *
     * @param e the failure of a file operation; not null
     * @return a lower-case clause, never empty: the reason given, or the meaning of the exception's class
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            return givenReason(f.getReason());
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "a file system loop (a folder inside itself)";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (e instanceof NotLinkException) {
            return "not a symbolic link";
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return "it cannot be renamed atomically there";
        }
        return e.getMessage() == null || e.getMessage().isBlank() || e instanceof FileSystemException
                ? "an input or output error" : e.getMessage();
    }

    // The thrower's or the operating system's own words (strerror), as a clause: "Not a directory" becomes
    // "not a directory".
    private static String givenReason(String reason) {
        if (reason.endsWith(LINK_LOOP_MARK)) {
            return "a loop of symbolic links";
        }
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
