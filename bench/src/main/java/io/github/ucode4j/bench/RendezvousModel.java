package io.github.ucode4j.bench;

import io.github.ucode4j.api.LoadProtocol.LoadUnit;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * A discrete-event model of the rendezvous's stopped window, without threads, for machines far larger than any
 * host a benchmark runs on; its events are go-signals and load completions. The window is a sequence of steps: a go-signal, which costs every participant one synchronisation
 * (seeing the signal, settling its load, the last one leaving), then the loads of the step in parallel, until the
 * last of them finishes. So a window lasts the sum, over its steps, of the sync cost and the longest load of the
 * step.
 *
 * <p>Each load (one per core under a per-core protocol, as Intel's; one per thread under a per-thread one, as
 * AMD's) lasts a latency drawn uniformly from {@code nominal ± jitter}, from a seeded source: one machine gets
 * the same latencies under every order, so that orders compare the same machine. The sync cost is the same for
 * every step whatever the number of CPUs, which flatters very large machines, where a signal crosses more caches.
 */
final class RendezvousModel {

    /** In which order the loads run inside the window. */
    enum Order {
        /** One load at a time: a step per load. */
        SERIAL {
            @Override
            long loadTime(long[] latencies) {
                long sum = 0;
                for (long latency : latencies) {
                    sum += latency;
                }
                return sum;
            }

            @Override
            int steps(int loads) {
                return loads;
            }
        },
        /** As Xen: the control CPU loads alone, then all the others at once. */
        CONTROL_FIRST {
            @Override
            long loadTime(long[] latencies) {
                return latencies[0] + longest(latencies, 1);
            }

            @Override
            int steps(int loads) {
                return loads > 1 ? 2 : 1;
            }
        },
        /** Every load at once: one step. */
        ALL_PARALLEL {
            @Override
            long loadTime(long[] latencies) {
                return longest(latencies, 0);
            }

            @Override
            int steps(int loads) {
                return 1;
            }
        };

        /** The time the steps spend loading: per step, its longest load. */
        abstract long loadTime(long[] latencies);

        /** The number of go-signals for {@code loads} loads. */
        abstract int steps(int loads);

        private static long longest(long[] latencies, int from) {
            long longest = 0;
            for (int i = from; i < latencies.length; i++) {
                longest = Math.max(longest, latencies[i]);
            }
            return longest;
        }
    }

    /**
     * The shape of a modelled machine.
     *
     * @param cores the number of cores, at least 1
     * @param threadsPerCore SMT threads per core, at least 1
     * @param unit what loads: one thread per core, or every thread
     */
    record Machine(int cores, int threadsPerCore, LoadUnit unit) {
        Machine {
            if (cores < 1 || threadsPerCore < 1) {
                throw new IllegalArgumentException("cores and threads must be at least 1: " + cores + "x" + threadsPerCore);
            }
        }

        int logicalCpus() {
            return cores * threadsPerCore;
        }

        int loads() {
            return unit == LoadUnit.PER_CORE ? cores : logicalCpus();
        }
    }

    private final long nominalNanos;
    private final long jitterNanos;
    private final long syncNanos;
    private final long seed;

    /**
     * @param nominal the mean apply latency
     * @param jitter how far a latency may stray from {@code nominal} either way, at most {@code nominal}
     * @param syncPerStep what one go-signal costs
     * @param seed the seed the latencies are drawn from
     * @throws IllegalArgumentException when a duration is negative or the jitter exceeds the nominal latency
     */
    RendezvousModel(Duration nominal, Duration jitter, Duration syncPerStep, long seed) {
        if (nominal.isNegative() || jitter.isNegative() || syncPerStep.isNegative() || jitter.compareTo(nominal) > 0) {
            throw new IllegalArgumentException("latency " + nominal + " ± " + jitter + ", sync " + syncPerStep);
        }
        this.nominalNanos = nominal.toNanos();
        this.jitterNanos = jitter.toNanos();
        this.syncNanos = syncPerStep.toNanos();
        this.seed = seed;
    }

    /** The stopped window of {@code machine} when its loads run in {@code order}. */
    Duration window(Machine machine, Order order) {
        long[] latencies = latencies(machine.loads());
        return Duration.ofNanos(order.loadTime(latencies) + order.steps(latencies.length) * syncNanos);
    }

    /**
     * The largest sync cost per step for which {@code order}'s window on {@code machine} stays within {@code goal};
     * negative when the loads alone exceed it.
     */
    Duration syncBudget(Machine machine, Order order, Duration goal) {
        long[] latencies = latencies(machine.loads());
        return Duration.ofNanos((goal.toNanos() - order.loadTime(latencies)) / order.steps(latencies.length));
    }

    private long[] latencies(int loads) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] latencies = new long[loads];
        for (int i = 0; i < loads; i++) {
            latencies[i] = jitterNanos == 0 ? nominalNanos
                    : random.nextLong(nominalNanos - jitterNanos, nominalNanos + jitterNanos + 1);
        }
        return latencies;
    }
}
