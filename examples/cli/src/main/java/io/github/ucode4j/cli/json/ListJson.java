package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.cli.Display;
import java.util.List;

/**
 * {@code ucode list --format=json}: the inputs read, the selection applied ({@code "all patches"} with
 * {@code --all}), and the entries listed.
 *
 * @param inputs every input read, in the order read
 * @param selection the selection applied, in words; {@code "all patches"} with {@code --all}
 * @param entries the entries listed, one per patch and signature kept
 */
public record ListJson(List<Input> inputs, String selection, List<EntryJson> entries) {

    /**
     * One input: its name, vendor, number of patches, and what the parser noticed.
     *
     * @param source the input's name
     * @param vendor {@code intel} or {@code amd}
     * @param patches how many patches the input holds
     * @param findings what the parser noticed without stopping, in words
     */
    public record Input(String source, String vendor, int patches, List<String> findings) {

        /**
         * The DTO for {@code bundle}.
         *
         * @param bundle the input as parsed
         * @return its name, vendor, number of patches and findings
         */
        public static Input of(Bundle bundle) {
            return new Input(bundle.source(), Display.vendor(bundle.vendor()), bundle.patches().size(),
                    bundle.findings().stream().map(Finding::toString).toList());
        }
    }
}
