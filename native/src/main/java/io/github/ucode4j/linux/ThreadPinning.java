package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;

/** Binds the calling thread to one logical CPU; {@link AffinityPinning} through the scheduler's affinity mask. */
public interface ThreadPinning {

    /**
     * Lets the calling thread run only on {@code cpu}, and checks that it now runs there.
     *
     * @param cpu the logical CPU's number as Linux counts them (the {@code N} of {@code /dev/cpu/N}); it must be
     *     online and allowed to this process
     * @throws ApplyException when the thread cannot be bound, or runs elsewhere afterwards
     */
    void pinCurrentThread(int cpu) throws ApplyException;

    /**
     * The CPU the calling thread runs on now.
     *
     * @return the number of the logical CPU running the calling thread at the time of the call; an unpinned thread
     *     may have moved by the time it is read
     * @throws ApplyException when the scheduler cannot say
     */
    int currentCpu() throws ApplyException;
}
