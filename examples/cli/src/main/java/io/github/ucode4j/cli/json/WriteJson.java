package io.github.ucode4j.cli.json;

import java.util.List;

/**
 * {@code ucode write-early-cpio --format=json} and {@code ucode write-firmware-dir --format=json}: every file
 * written, with its size in bytes and whether it {@code changed} (it is new, or its bytes differ from those it
 * had; a rewrite of the same bytes is unchanged), the number of patches written, and whether any file changed.
 *
 * @param files every file written, in the order written
 * @param patches how many patches were written
 * @param changed whether any file changed
 */
public record WriteJson(List<File> files, int patches, boolean changed) {

    /**
     * One file written.
     *
     * @param path the file's path
     * @param bytes its size in bytes
     * @param changed whether it is new or its bytes differ from those it had
     */
    public record File(String path, int bytes, boolean changed) {
    }

    /**
     * The DTO for {@code files}.
     *
     * @param files every file written, in the order written
     * @param patches the number of patches written
     * @return the document, changed when any file changed
     */
    public static WriteJson of(List<File> files, int patches) {
        return new WriteJson(files, patches, files.stream().anyMatch(File::changed));
    }
}
