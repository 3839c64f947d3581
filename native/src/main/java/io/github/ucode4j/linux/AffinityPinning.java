package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.Libc;
import java.util.BitSet;
import java.util.OptionalInt;

/**
 * Pins the calling thread with {@code sched_setaffinity(0, ...)} (0: the calling thread, not the process) and
 * checks with {@code sched_getcpu()}: the kernel moves a thread off a CPU it may no longer use before the call
 * returns, so a pinned thread is already on its CPU. Thread-safe.
 */
public final class AffinityPinning implements ThreadPinning {
    private static final int CALLING_THREAD = 0;

    private final Libc libc;

    /** Pinning through {@code libc}. */
    AffinityPinning(Libc libc) {
        this.libc = libc;
    }

    /**
     * Pinning through this process's C library.
     *
     * @return a pinning that calls this process's C library
     * @throws ApplyException when the C library cannot be bound here
     */
    public static AffinityPinning ofThisProcess() throws ApplyException {
        return new AffinityPinning(JnaLibc.load());
    }

    @Override
    public void pinCurrentThread(int cpu) throws ApplyException {
        BitSet only = new BitSet();
        only.set(cpu);
        try {
            libc.schedSetaffinity(CALLING_THREAD, only);
        } catch (ErrnoException e) {
            String remedy = e.errnoValue() == Errno.EINVAL
                    ? "CPU " + cpu + " is offline, absent, or outside this process's cpuset (taskset, cgroup cpuset)"
                    : "";
            throw e.in("pinning the thread to CPU " + cpu, OptionalInt.of(cpu), remedy);
        }
        int running = currentCpu();
        if (running != cpu) {
            throw new ApplyException("the thread pinned to CPU " + cpu + " runs on CPU " + running, OptionalInt.of(cpu),
                    OptionalInt.empty(), "", null);
        }
    }

    @Override
    public int currentCpu() throws ApplyException {
        return libc.schedGetcpu();
    }

    /**
     * The CPUs the calling thread may run on.
     *
     * @return a new set with one bit per logical CPU the calling thread may run on, indexed by CPU number
     * @throws ApplyException when the scheduler cannot say
     */
    public BitSet allowedCpus() throws ApplyException {
        return libc.schedGetaffinity(CALLING_THREAD);
    }
}
