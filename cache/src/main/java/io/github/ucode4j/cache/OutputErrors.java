package io.github.ucode4j.cache;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** The one-line errors of the output writers: each names the target and the operating system's reason. */
final class OutputErrors {
    private OutputErrors() {
    }

    /** The refusal of an existing target when replacing was not asked for. */
    static FileAlreadyExistsException exists(Path target) {
        return new FileAlreadyExistsException(target.toString(), null, "exists; pass overwrite to replace it");
    }

    /** {@code target: doing: reason}, with {@code cause} attached. */
    static FileSystemException failed(Path target, String doing, Exception cause) {
        FileSystemException failure = new FileSystemException(target.toString(), null, doing + ": " + reason(cause));
        failure.initCause(cause);
        return failure;
    }

    // The JDK leaves the reason out of its typed exceptions (the type is the reason) and the file out of a write's.
    private static String reason(Exception cause) {
        if (cause instanceof FileSystemException e && e.getReason() != null) {
            return e.getReason();
        }
        if (cause instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (cause instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (cause instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (cause instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (cause instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
