package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.cli.Display;
import java.util.List;

/**
 * {@code ucode verify --format=json}: every file checked, in order, with its findings or what is broken and where;
 * the conflicts between files; the totals; and {@code ok}, true when nothing is broken (and, without
 * {@code --lenient}, no two files conflict).
 *
 * @param files every file checked, in order
 * @param conflicts the conflicts between files, in words (different patches for the same signature, mask and revision)
 * @param checked how many files were checked
 * @param broken how many files are broken
 * @param patches how many patches were read from the files that passed
 * @param uniquePatches how many distinct patches those are
 * @param warnings how many of the findings shown, the conflicts included, are warnings
 * @param ok true when nothing is broken and, without {@code --lenient}, no two files conflict
 */
public record VerifyJson(List<File> files, List<String> conflicts, int checked, int broken, int patches, int uniquePatches,
                         int warnings, boolean ok) {

    /**
     * One file: {@code ok} with its vendor, patches and findings, or broken with the {@code error} that names the
     * rule broken and the offset (vendor and patches then null).
     *
     * @param source the file's name
     * @param ok whether the file passed
     * @param vendor {@code intel} or {@code amd}, or null when broken
     * @param patches how many patches the file holds, or null when broken
     * @param findings the findings shown, in words; empty when broken
     * @param error what is broken and where, or null when the file passed
     */
    public record File(String source, boolean ok, String vendor, Integer patches, List<String> findings, Error error) {

        /**
         * A file that passed, with the findings as shown (a strict-only rule a warning under {@code --lenient}).
         *
         * @param bundle the file as parsed
         * @param findings the findings to show, as the command words them
         * @return an {@code ok} file, without error
         */
        public static File good(Bundle bundle, List<Finding> findings) {
            return new File(bundle.source(), true, Display.vendor(bundle.vendor()), bundle.patches().size(),
                    findings.stream().map(Finding::toString).toList(), null);
        }

        /**
         * A broken file or a path that could not be looked at.
         *
         * @param source the file's or path's name
         * @param why what is broken, with its rule and offset
         * @return a file that is not {@code ok}, with the error and null vendor and patches
         */
        public static File broken(String source, MicrocodeFormatException why) {
            return new File(source, false, null, null, List.of(),
                    new Error(why.rule().code(), why.source(), why.offset(), why.getMessage()));
        }
    }

    /**
     * Why a file is broken: the rule's code, where (source and byte offset), and the whole message.
     *
     * @param rule the code of the rule broken
     * @param source the file or path concerned
     * @param offset the byte offset where the rule is broken
     * @param message the whole message, naming the file, the offset and the rule
     */
    public record Error(String rule, String source, long offset, String message) {
    }
}
