package io.github.ucode4j.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes output files so that a reader never sees half a file, nothing is written through a symbolic link, and a
 * failure changes nothing. Every target is checked before any is written (see {@link #write}); the bytes go to a
 * temporary file in the target's directory, created readable by its owner only, are forced to disk, and are put in
 * place by rename(2), or by link(2) when nothing may be replaced. A new file gets mode 0644 whatever the umask; a
 * replaced one keeps its mode and, when running as root, its owner. On file systems whose modes come from mount
 * options (vfat, exfat) neither is set, and where there are no hard links a new file is created exclusively
 * instead of linked. The directories are synced once every file is in place. A target that already holds exactly
 * the bytes is not rewritten (no temporary, no rename, no sync; its inode, mode, owner and modification time stay):
 * the result says it did not change, which is how callers tell "changed" from "nothing to do".
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
     * @return the target and whether it changed: false when it already held exactly {@code content}
     * @throws FileAlreadyExistsException when {@code target} exists and {@code overwrite} is false
     * @throws FileSystemException naming the path, when {@code target} or its directory is a symbolic link,
     *     {@code target} is not a regular file, its directory is missing, or its file system has too little space
     * @throws IOException naming {@code target} and the reason, when writing fails; {@code target} is then unchanged
     */
    public static WrittenFile write(Path target, ByteBuffer content, boolean overwrite) throws IOException {
        return write(target, content, overwrite, FileOperations.SYSTEM);
    }

    static WrittenFile write(Path target, ByteBuffer content, boolean overwrite, FileOperations operations) throws IOException {
        Path absolute = target.toAbsolutePath();
        return writeAll(absolute.getParent(), false, Map.of(absolute, content), overwrite, operations).get(0);
    }

    /**
     * Writes every file, each under {@code root}, or none: see {@link OutputPlan#check} for what is checked first.
     *
     * @param files the content of each target, by absolute path
     * @return what became of each target, in the order of {@code files}
     */
    static List<WrittenFile> writeAll(Path root, boolean mayCreateRoot, Map<Path, ByteBuffer> files, boolean overwrite,
                                      FileOperations operations) throws IOException {
        OutputPlan plan = OutputPlan.check(root, mayCreateRoot, files, overwrite);
        new FileSetWriter(operations).write(plan, overwrite);
        return files.entrySet().stream().map(file -> new WrittenFile(file.getKey(), file.getValue().remaining(),
                !plan.unchanged().contains(file.getKey()))).toList();
    }
}
