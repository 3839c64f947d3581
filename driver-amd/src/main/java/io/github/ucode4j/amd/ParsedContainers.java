package io.github.ucode4j.amd;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import java.util.List;
import java.util.Objects;

/**
 * Everything one AMD input held: its containers, in order, and what the parser noticed.
 *
 * @param source the input's name
 * @param containers the containers
 * @param findings the findings that did not stop the parse
 */
public record ParsedContainers(String source, List<AmdContainer> containers, List<Finding> findings) {

    /** Copies the lists. */
    public ParsedContainers {
        Objects.requireNonNull(source, "source");
        containers = List.copyOf(containers);
        findings = List.copyOf(findings);
    }

    /** Every patch of every container, in file order. */
    public List<MicrocodePatch> patches() {
        return containers.stream().flatMap(container -> container.patches().stream()).toList();
    }

    /** The vendor-neutral view: patches and findings. */
    public Bundle toBundle() {
        return new Bundle(source, Vendor.AMD, patches(), findings);
    }
}
