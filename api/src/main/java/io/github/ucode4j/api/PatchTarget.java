package io.github.ucode4j.api;

import java.util.Objects;

/**
 * One processor a patch is made for: a signature with the platform flags it supports there. An Intel patch has
 * one in its header and one per extended signature entry; an AMD patch has one.
 *
 * @param signature the processor signature
 * @param platformFlags the platform flags mask ({@link PlatformFlags#NONE} on AMD)
 */
public record PatchTarget(CpuSignature signature, PlatformFlags platformFlags) {

    /**
     * Requires non-null components.
     *
     * @param signature the processor signature; not null
     * @param platformFlags the platform flags mask; not null
     */
    public PatchTarget {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(platformFlags, "platformFlags");
    }
}
