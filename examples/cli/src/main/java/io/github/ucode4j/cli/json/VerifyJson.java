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
 */
public record VerifyJson(List<File> files, List<String> conflicts, int checked, int broken, int patches, int uniquePatches,
                         int warnings, boolean ok) {

    /**
     * One file: {@code ok} with its vendor, patches and findings, or broken with the {@code error} that names the
     * rule broken and the offset (vendor and patches then null).
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

    /** Why a file is broken: the rule's code, where (source and byte offset), and the whole message. */
    public record Error(String rule, String source, long offset, String message) {
    }
}
