package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.Libc;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One microcode load: the blob handed to Xen on a daemon thread of its own, so that the caller waits no longer
 * than it allows, with one retry after EBUSY (a concurrent update or hotplug may have passed, and on Xen before
 * 4.19.4 a race reports EBUSY for what was really EEXIST or EIO). The thread owns its session and memory and frees
 * them when Xen answers, even after the caller has stopped waiting.
 */
final class XenLoad {
    private static final System.Logger LOG = System.getLogger(XenLoad.class.getName());

    /**
     * Xen's final answer.
     *
     * @param errno 0 when Xen loaded, else its errno
     * @param afterBusy whether the answer came from the retry after an EBUSY
     */
    record Answer(int errno, boolean afterBusy) {
    }

    private XenLoad() {
    }

    /**
     * Hands a copy of {@code blob} to Xen and waits up to {@code timeout} for its answer.
     *
     * @return the answer, or empty when Xen did not answer in time (the load may still finish)
     * @throws ApplyException when the request cannot be made (no device, no memory) or the wait is interrupted
     */
    static Optional<Answer> run(Libc libc, XenRoots roots, ByteBuffer blob, boolean force, Duration timeout)
            throws ApplyException {
        ByteBuffer copy = ByteBuffer.allocate(blob.remaining()).put(blob.duplicate()).flip();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Thread worker = new Thread(() -> load(libc, roots, copy, force, answer), "ucode4j-xen-load");
        worker.setDaemon(true);
        worker.start();
        try {
            return Optional.of(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApplyException("interrupted while waiting for Xen to load the microcode",
                    "Xen may still finish the load: read the revisions again before retrying");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApplyException failure) {
                throw failure;
            }
            throw new IllegalStateException("the Xen load failed unexpectedly", e.getCause());
        }
    }

    /** Runs on the worker: answers once the memory is released, so that a caller never sees it still held. */
    private static void load(Libc libc, XenRoots roots, ByteBuffer blob, boolean force, CompletableFuture<Answer> answer) {
        Answer result = null;
        try (XenSession session = XenSession.open(libc, roots)) {
            result = loadRetryingOnce(session, blob, force);
        } catch (ApplyException | RuntimeException e) {
            if (result == null) {
                answer.completeExceptionally(e);
                return;
            }
            // Xen has answered, and that answer is what the caller needs; only releasing the memory failed.
            LOG.log(Level.WARNING, "releasing the hypercall memory after Xen's answer failed", e);
        }
        answer.complete(result);
    }

    private static Answer loadRetryingOnce(XenSession session, ByteBuffer blob, boolean force) throws ApplyException {
        int errno = session.loadMicrocode(blob, force);
        if (errno != Errno.EBUSY) {
            return new Answer(errno, false);
        }
        return new Answer(session.loadMicrocode(blob, force), true);
    }
}
