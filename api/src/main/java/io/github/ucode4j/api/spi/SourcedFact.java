package io.github.ucode4j.api.spi;

import java.util.Objects;

/**
 * A fact about a CPU and, in words, where it was read or why it holds: what a {@link io.github.ucode4j.api.Platform}
 * labels the fact's source with.
 *
 * @param value the fact
 * @param source where it comes from: {@code MSR 0x17 bits 52:50}, {@code none: AMD CPUs have no platform id}
 * @param <T> the fact's type
 */
public record SourcedFact<T>(T value, String source) {

    /**
     * Both parts are required.
     *
     * @param value the fact; not null
     * @param source where it comes from, for a person; not null
     */
    public SourcedFact {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
