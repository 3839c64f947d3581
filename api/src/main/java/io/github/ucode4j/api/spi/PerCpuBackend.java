package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;

/**
 * A backend that loads one logical CPU at a time while ucode4j's rendezvous holds every CPU. Before the stopped
 * window the rendezvous calls {@link #prepare} once per patch and {@link #pinCurrentThread} on each CPU's thread;
 * inside it, {@link #apply} or {@link #readRevision}, each on the thread pinned to that CPU; after it, once every
 * thread has left the backend, {@link #release}.
 */
public interface PerCpuBackend extends ApplyBackend {

    /**
     * Makes ready, before the stopped window, whatever {@link #apply} needs for {@code patch}, so that nothing is
     * allocated or mapped inside it: a locked, aligned copy of the bytes, say. The default prepares nothing.
     *
     * @param patch the patch a load will be asked for; not null
     * @param protocol how the vendor's CPUs load it; not null
     * @throws ApplyException when the patch cannot be made ready (memory cannot be locked, say)
     */
    default void prepare(MicrocodePatch patch, LoadProtocol protocol) throws ApplyException {
    }

    /**
     * Frees what {@link #prepare} made ready (locked memory, mappings). Called once after a load, whatever its
     * outcome, but never while a thread may still be inside {@link #apply}. The default frees nothing.
     *
     * @throws ApplyException when something cannot be freed
     */
    default void release() throws ApplyException {
    }

    /**
     * Binds the calling thread to {@code cpu}, and checks that it runs there. Called once per thread, before the
     * stopped window.
     *
     * @param cpu the logical CPU to run on; not null
     * @throws ApplyException when the thread cannot be bound
     */
    void pinCurrentThread(LogicalCpu cpu) throws ApplyException;

    /**
     * Loads {@code patch} on {@code cpu} following {@code protocol}: reads the revision, triggers the load, reads
     * the revision again. Never reports success without that read-back. Called on the thread pinned to
     * {@code cpu}, inside the stopped window: no logging, no blocking. Failures are results, not exceptions.
     *
     * @param cpu the logical CPU being loaded, the one the calling thread is pinned to
     * @param patch the patch to load, made ready by {@link #prepare}
     * @param protocol how the vendor's CPUs load it
     * @return what happened, judged by {@link io.github.ucode4j.api.LoadJudge}; a failure is a result with its errno
     *     and message
     */
    CpuResult apply(LogicalCpu cpu, MicrocodePatch patch, LoadProtocol protocol);

    /**
     * Reads the running revision of {@code cpu} by {@code protocol}'s rule. Called on the thread pinned to it.
     *
     * @param cpu the logical CPU to read, the one the calling thread is pinned to
     * @param protocol how the vendor's CPUs report their revision
     * @return the revision the CPU runs
     * @throws ApplyException when the revision cannot be read
     */
    Revision readRevision(LogicalCpu cpu, LoadProtocol protocol) throws ApplyException;
}
