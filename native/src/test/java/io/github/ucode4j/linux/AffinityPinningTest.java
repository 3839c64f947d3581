package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.JnaLibc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real pinning: each thread is bound to one CPU and sched_getcpu confirms it. */
class AffinityPinningTest {

    @Test
    void aThreadPinnedToEachAllowedCpuInTurnRunsThere() throws Exception {
        AffinityPinning pinning = AffinityPinning.ofThisProcess();
        BitSet allowed = pinning.allowedCpus();
        assertThat(allowed.cardinality()).isPositive();
        List<Integer> visited = new ArrayList<>();
        for (int cpu = allowed.nextSetBit(0); cpu >= 0; cpu = allowed.nextSetBit(cpu + 1)) {
            int target = cpu;
            CompletableFuture<Integer> ranOn = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    pinning.pinCurrentThread(target);
                    Thread.yield();
                    ranOn.complete(pinning.currentCpu());
                } catch (ApplyException | RuntimeException e) {
                    ranOn.completeExceptionally(e);
                }
            }, "pin-test-" + cpu);
            thread.start();
            visited.add(ranOn.get(10, TimeUnit.SECONDS));
            thread.join(10_000);
        }
        assertThat(visited).containsExactlyElementsOf(allowed.stream().boxed().toList());
        System.out.println("pinned a thread to CPUs " + visited + " and sched_getcpu confirmed each");
    }

    @Test
    void pinningToACpuThatDoesNotExistIsEinvalWithTheReason() throws Exception {
        AffinityPinning pinning = new AffinityPinning(JnaLibc.load());
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                pinning.pinCurrentThread(1023);
                failure.complete(null);
            } catch (ApplyException e) {
                failure.complete(e);
            }
        });
        thread.start();
        Throwable thrown = failure.get(10, TimeUnit.SECONDS);
        thread.join(10_000);
        assertThat(thrown).isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errnoValue()).isEqualTo(Errno.EINVAL))
                .hasMessageContaining("pinning the thread to CPU 1023 failed")
                .hasMessageContaining("offline, absent, or outside this process's cpuset");
    }
}
