package io.github.ucode4j.bench;

import io.github.ucode4j.api.ApplyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The baseline the rendezvous is measured against: the least a two-step handover between pinned threads costs on
 * this host. As in the rendezvous, one platform thread per host CPU is started and pinned; once the last has
 * arrived, the first thread goes alone, then lets the others go, and the last to finish closes the window. Nothing
 * is loaded or reported and no coordinator polls, so its tail is the host's own: what the scheduler and other
 * processes take from pinned threads.
 */
final class PinnedHandoff implements Subject {
    // Bounds every wait, should a thread never start or never be pinned.
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long UNSET = Long.MIN_VALUE;

    private final PinnedHost host;

    PinnedHandoff(PinnedHost host) {
        this.host = host;
    }

    @Override
    public String name() {
        return "handoff";
    }

    @Override
    public Sample runOnce() {
        long startedAt = System.nanoTime();
        Run run = new Run(host.cpus().size(), startedAt + DEADLINE_NANOS);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < host.cpus().size(); i++) {
            int index = i;
            Thread thread = new Thread(() -> run.participate(index, host), "handoff-" + index);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            join(thread, run.deadline);
        }
        return run.sample(startedAt);
    }

    private static void join(Thread thread, long deadline) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shared state of one run. */
    private static final class Run {
        private final int size;
        private final long deadline;
        private final AtomicInteger arrived = new AtomicInteger();
        private final AtomicBoolean firstDone = new AtomicBoolean();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile long enteredAt = UNSET;
        private volatile long exitedAt = UNSET;

        Run(int size, long deadline) {
            this.size = size;
            this.deadline = deadline;
        }

        void participate(int index, PinnedHost host) {
            try {
                host.pinning().pinCurrentThread(host.cpus().get(index));
            } catch (ApplyException e) {
                return; // the others wait out the deadline; the run counts as incomplete
            }
            if (arrived.incrementAndGet() == size) {
                enteredAt = System.nanoTime();
            }
            if (!spinUntil(() -> arrived.get() == size)) {
                return;
            }
            if (index == 0) {
                firstDone.set(true);
            } else if (!spinUntil(firstDone::get)) {
                return;
            }
            if (finished.incrementAndGet() == size) {
                exitedAt = System.nanoTime();
            }
        }

        private boolean spinUntil(BooleanSupplier condition) {
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                Thread.onSpinWait();
            }
            return true;
        }

        Subject.Sample sample(long startedAt) {
            long entered = enteredAt;
            long exited = exitedAt;
            if (entered == UNSET) {
                return new Subject.Sample(System.nanoTime() - startedAt, -1, 0, false);
            }
            return new Subject.Sample(entered - startedAt, exited == UNSET ? -1 : exited - entered, 0, exited != UNSET);
        }
    }
}
