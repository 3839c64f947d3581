package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;

/** Binds the calling thread to one logical CPU; {@link AffinityPinning} through the scheduler's affinity mask. */
public interface ThreadPinning {

    /**
     * Lets the calling thread run only on {@code cpu}, and checks that it now runs there.
     *
     * @throws ApplyException when the thread cannot be bound, or runs elsewhere afterwards
     */
    void pinCurrentThread(int cpu) throws ApplyException;

    /**
     * The CPU the calling thread runs on now.
     *
     * @throws ApplyException when the scheduler cannot say
     */
    int currentCpu() throws ApplyException;
}
