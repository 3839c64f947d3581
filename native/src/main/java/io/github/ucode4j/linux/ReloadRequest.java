package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reload request with a deadline. The write to {@code reload} blocks in the kernel until every CPU has been
 * through its rendezvous and cannot be interrupted, so it runs on a daemon thread of its own and the caller waits
 * at most the time allowed.
 *
 * @param timedOut whether the kernel did not answer in time (then nothing is known of the outcome)
 * @param errno the kernel's errno, empty when it loaded or did not answer
 */
record ReloadRequest(boolean timedOut, OptionalInt errno) {

    /**
     * Triggers {@code reload} and waits for the answer, at most {@code timeout}.
     *
     * @throws ApplyException when the request cannot be made, or the wait is interrupted
     */
    static ReloadRequest run(ReloadTrigger trigger, Path reload, Duration timeout) throws ApplyException {
        CompletableFuture<OptionalInt> answer = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                answer.complete(trigger.reload(reload));
            } catch (ApplyException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, "ucode4j-kernel-reload");
        writer.setDaemon(true);
        writer.start();
        try {
            return new ReloadRequest(false, answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return new ReloadRequest(true, OptionalInt.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplyException("interrupted while waiting for the kernel's reload", OptionalInt.empty(), OptionalInt.empty(),
                    "the reload may still complete: check dmesg", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApplyException failure) {
                throw failure;
            }
            throw new ApplyException("the reload request failed: " + e.getCause(), OptionalInt.empty(), OptionalInt.empty(), "", e.getCause());
        }
    }
}
