package io.github.ucode4j.api;

import java.util.List;
import java.util.Objects;

/**
 * What one input held: its patches in file order, and the findings that did not stop the parse.
 *
 * @param source the name of the input
 * @param vendor the vendor whose driver parsed it
 * @param patches the patches, in the order they appear
 * @param findings what the parser noticed
 */
public record Bundle(String source, Vendor vendor, List<MicrocodePatch> patches, List<Finding> findings) {

    /**
     * Copies the lists.
     *
     * @param source the name of the input; not null
     * @param vendor the vendor whose driver parsed it; not null
     * @param patches the patches, in the order they appear; copied
     * @param findings what the parser noticed; copied
     */
    public Bundle {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vendor, "vendor");
        patches = List.copyOf(patches);
        findings = List.copyOf(findings);
    }
}
