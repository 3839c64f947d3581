package io.github.ucode4j.amd;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.Finding;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one AMD input held: its containers, in order, or, for an input that is one patch without a container,
 * that raw patch; and what the parser noticed.
 *
 * @param source the input's name
 * @param containers the containers; none for a raw patch
 * @param rawPatch the patch, when the input is a raw patch (empty too when a lenient parse dropped it)
 * @param findings the findings that did not stop the parse
 */
public record ParsedContainers(String source, List<AmdContainer> containers, Optional<MicrocodePatch> rawPatch,
                               List<Finding> findings) {

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException when there are both containers and a raw patch
     */
    public ParsedContainers {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rawPatch, "rawPatch");
        containers = List.copyOf(containers);
        findings = List.copyOf(findings);
        if (rawPatch.isPresent() && !containers.isEmpty()) {
            throw new IllegalArgumentException("an input is containers or one raw patch, not both");
        }
    }

    /** The containers of an input of containers. */
    public ParsedContainers(String source, List<AmdContainer> containers, List<Finding> findings) {
        this(source, containers, Optional.empty(), findings);
    }

    /** Every patch: the raw patch, or those of every container in file order. */
    public List<MicrocodePatch> patches() {
        return rawPatch.map(List::of)
                .orElseGet(() -> containers.stream().flatMap(container -> container.patches().stream()).toList());
    }

    /** The vendor-neutral view: patches and findings. */
    public Bundle toBundle() {
        return new Bundle(source, Vendor.AMD, patches(), findings);
    }
}
