package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes output files so that a reader never sees half a file, nothing is written through a symbolic link, and a
 * failure changes nothing. Every target is checked before any is written (see {@link #write}); the bytes go to a
 * temporary file in the target's directory, created readable by its owner only, are forced to disk, and are put in
 * place by rename(2), or by link(2) when nothing may be replaced. A new file gets mode 0644 whatever the umask; a
 * replaced one keeps its mode and, when running as root, its owner. On file systems whose modes come from mount
 * options (vfat, exfat) neither is set, and where there are no hard links a new file is created exclusively
 * instead of linked. The directories are synced once every file is in place.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Writes {@code content} (from its position to its limit; the buffer is not changed) to {@code target}, whose
     * directory must exist.
     *
     * @param overwrite whether an existing regular file may be replaced
     * @param target the file to write; never followed when it is a symbolic link
     * @param content the bytes to write, from its position to its limit
     * @throws FileAlreadyExistsException when {@code target} exists and {@code overwrite} is false
     * @throws FileSystemException naming the path, when {@code target} or its directory is a symbolic link,
     *     {@code target} is not a regular file, its directory is missing, or its file system has too little space
     * @throws IOException naming {@code target} and the reason, when writing fails; {@code target} is then unchanged
     */
    public static void write(Path target, ByteBuffer content, boolean overwrite) throws IOException {
        write(target, content, overwrite, FileOperations.SYSTEM);
    }

    static void write(Path target, ByteBuffer content, boolean overwrite, FileOperations operations) throws IOException {
        Path absolute = target.toAbsolutePath();
        writeAll(absolute.getParent(), false, Map.of(absolute, content), overwrite, operations);
    }

    /**
     * Writes every file, each under {@code root}, or none: see {@link OutputPlan#check} for what is checked first.
     *
     * @param files the content of each target, by absolute path
     */
    static void writeAll(Path root, boolean mayCreateRoot, Map<Path, ByteBuffer> files, boolean overwrite,
                         FileOperations operations) throws IOException {
        OutputPlan plan = OutputPlan.check(root, mayCreateRoot, files, overwrite);
        new FileSetWriter(operations).write(plan, overwrite);
    }
}
