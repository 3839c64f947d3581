package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;

/** Translates this process's virtual addresses to physical ones; {@code /proc/self/pagemap} on Linux. */
interface PhysicalAddresses {

    /**
     * The physical address of {@code [virtualAddress, virtualAddress + length)}, which must be present and
     * physically contiguous.
     *
     * @throws ApplyException when it is not, or the translation is hidden (not root)
     */
    long physicalAddressOf(long virtualAddress, long length) throws ApplyException;
}
