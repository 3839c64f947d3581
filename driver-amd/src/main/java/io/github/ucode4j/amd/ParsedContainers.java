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
     * @param source the input's name; not null
     * @param containers the containers in file order; not null, empty for a raw patch
     * @param rawPatch the raw patch, or empty; not null
     * @param findings what the parser noticed without stopping; not null
     * @throws IllegalArgumentException when there are both containers and a raw patch
     * @throws NullPointerException when an argument (or an element of a list) is null
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

    /**
     * The containers of an input of containers.
     *
     * @param source the input's name; not null
     * @param containers the containers in file order; not null
     * @param findings what the parser noticed without stopping; not null
     */
    public ParsedContainers(String source, List<AmdContainer> containers, List<Finding> findings) {
        this(source, containers, Optional.empty(), findings);
    }

    /**
     * Every patch: the raw patch, or those of every container in file order.
     *
     * @return the patches; empty when the input held none
     */
    public List<MicrocodePatch> patches() {
        return rawPatch.map(List::of)
                .orElseGet(() -> containers.stream().flatMap(container -> container.patches().stream()).toList());
    }

    /**
     * The vendor-neutral view: patches and findings.
     *
     * @return a bundle of {@link #patches()} and the findings, named after the source
     */
    public Bundle toBundle() {
        return new Bundle(source, Vendor.AMD, patches(), findings);
    }
}
