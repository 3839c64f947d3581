package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.MicrocodeException;
import io.github.ucode4j.cache.MicrocodeCache;
import java.io.IOException;
import java.util.Objects;

/**
 * Where the patches of a load come from. A {@link LateLoader} plans from them, a person confirms the plan, and the
 * loader reads them again under the host-wide lock, just before it loads: if they changed in between (a package
 * upgrade rewrote the firmware files), the plan made again from them differs and the load is refused.
 *
 * <p>A source that reads files should read them afresh on every call; a cache built in memory, which nothing can
 * change, is its own source ({@link #of}).
 */
@FunctionalInterface
public interface PatchSource {

    /**
     * Reads the patches now.
     *
     * @return the patches as they are now; never null
     * @throws MicrocodeException when an input is missing, unreadable or broken
     * @throws IOException when an input cannot be read for another reason
     */
    MicrocodeCache read() throws MicrocodeException, IOException;

    /**
     * A source that always answers {@code cache}: for patches that live only in memory.
     *
     * @param cache the patches; not null
     * @return a source whose {@link #read()} returns {@code cache} itself at every call
     */
    static PatchSource of(MicrocodeCache cache) {
        Objects.requireNonNull(cache, "cache");
        return () -> cache;
    }
}
