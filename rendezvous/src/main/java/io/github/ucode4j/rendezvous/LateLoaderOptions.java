package io.github.ucode4j.rendezvous;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LateLoader} runs.
 *
 * @param runDirectory where the host-wide lock file lives ({@code /run/ucode4j} by default)
 * @param rendezvous deadlines and ordering for per-CPU backends
 * @param systemTimeout how long a system backend may take (the kernel's reload, Xen's hypercall)
 */
public record LateLoaderOptions(Path runDirectory, RendezvousOptions rendezvous, Duration systemTimeout) {

    /** {@code /run/ucode4j}, the default rendezvous options, one minute for a system backend. */
    public static final LateLoaderOptions DEFAULTS =
            new LateLoaderOptions(Path.of("/run/ucode4j"), RendezvousOptions.DEFAULTS, Duration.ofMinutes(1));

    /**
     * Requires non-null components and a positive timeout.
     *
     * @param runDirectory where the host-wide lock file lives; not null
     * @param rendezvous deadlines and ordering for per-CPU backends; not null
     * @param systemTimeout how long a system backend may take; must be positive
     * @throws IllegalArgumentException when {@code systemTimeout} is zero or negative
     */
    public LateLoaderOptions {
        Objects.requireNonNull(runDirectory, "runDirectory");
        Objects.requireNonNull(rendezvous, "rendezvous");
        if (systemTimeout.isNegative() || systemTimeout.isZero()) {
            throw new IllegalArgumentException("systemTimeout must be positive: " + systemTimeout);
        }
    }

    /**
     * These options with another run directory.
     *
     * @param directory where the host-wide lock file lives; not null
     * @return a copy of these options with that run directory
     */
    public LateLoaderOptions withRunDirectory(Path directory) {
        return new LateLoaderOptions(directory, rendezvous, systemTimeout);
    }

    /**
     * These options with other rendezvous options.
     *
     * @param options deadlines and ordering for per-CPU backends; not null
     * @return a copy of these options with those rendezvous options
     */
    public LateLoaderOptions withRendezvous(RendezvousOptions options) {
        return new LateLoaderOptions(runDirectory, options, systemTimeout);
    }
}
