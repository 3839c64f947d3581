package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.SystemResult;
import java.nio.ByteBuffer;

/** A backend whose kernel or hypervisor rendezvouses the CPUs itself; it is handed the data once. */
public interface SystemBackend extends ApplyBackend {

    /**
     * Hands {@code blob} to the kernel or hypervisor and reports what it answered. Outcomes the loader itself
     * reports (no matching patch, busy, refused) are results; an exception means the request could not be made.
     *
     * @param blob the bytes to load, a firmware file in the vendor's format: the planned patches as
     *     {@link MicrocodeOps#firmwareFile} lays them out, or a whole file as read
     * @param options force, the planned patch, the time allowed
     * @return what the kernel or hypervisor answered: the outcome, its errno when it gave one, and what to do
     * @throws ApplyException when the request cannot be made at all
     */
    SystemResult applySystem(ByteBuffer blob, ApplyOptions options) throws ApplyException;
}
