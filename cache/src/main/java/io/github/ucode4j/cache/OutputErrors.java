package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** The one-line errors of the output writers: each names the target and the operating system's reason. */
final class OutputErrors {
    private OutputErrors() {
    }

    /** The refusal of an existing target when replacing was not asked for. */
    static FileAlreadyExistsException exists(Path target) {
        return new FileAlreadyExistsException(target.toString(), null, "exists; pass overwrite to replace it");
    }

    /** {@code target: doing: reason}, the reason in {@link IoMessages}' words, with {@code cause} attached. */
    static FileSystemException failed(Path target, String doing, Exception cause) {
        // Not every failure of a file operation is an IOException: a file system without hard links throws
        // UnsupportedOperationException.
        IOException failed = cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        FileSystemException failure = new FileSystemException(target.toString(), null, doing + ": " + IoMessages.reason(failed));
        failure.initCause(cause);
        return failure;
    }
}
