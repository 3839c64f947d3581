package io.github.ucode4j.bench;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.AffinityPinning;
import io.github.ucode4j.linux.ThreadPinning;
import java.util.List;

/**
 * The host CPUs a benchmark may use, and the means to pin a thread to one of them for real.
 *
 * @param pinning binds the calling thread to a host CPU
 * @param cpus the host CPUs, lowest first
 */
record PinnedHost(ThreadPinning pinning, List<Integer> cpus) {

    /** Copies the list. */
    PinnedHost {
        cpus = List.copyOf(cpus);
    }

    /**
     * The CPUs of this process's affinity mask, pinned through the C library.
     *
     * @throws ApplyException when JNA cannot bind the C library or the mask cannot be read
     */
    static PinnedHost current() throws ApplyException {
        AffinityPinning pinning = AffinityPinning.ofThisProcess();
        return new PinnedHost(pinning, pinning.allowedCpus().stream().boxed().toList());
    }
}
