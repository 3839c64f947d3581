package io.github.ucode4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs one parse of a fuzz input and asserts that it stayed within a budget linear in the input: bytes allocated
 * by the calling thread and wall time. The constants are generous, so that only a blow-up (a buffer sized from an
 * unchecked field, a quadratic scan) trips them, never a slow machine.
 */
public final class ResourceBudget {
    private static final long FIXED_BYTES = 4L << 20;
    private static final long BYTES_PER_INPUT_BYTE = 256;
    private static final Duration FIXED_TIME = Duration.ofSeconds(5);
    private static final long NANOS_PER_INPUT_BYTE = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One parse; it may throw the parser's documented exception. */
    public interface Parse {
        void run() throws Exception;
    }

    private ResourceBudget() {
    }

    /**
     * Runs {@code parse} of an input of {@code inputSize} bytes; fails when it throws anything but {@code allowed}
     * or goes over the budget twice in a row (a first run may load and instrument classes, a blow-up repeats).
     */
    public static void check(long inputSize, Class<? extends Exception> allowed, Parse parse) {
        long bytesAllowed = FIXED_BYTES + BYTES_PER_INPUT_BYTE * inputSize;
        long nanosAllowed = FIXED_TIME.toNanos() + NANOS_PER_INPUT_BYTE * inputSize;
        Usage first = measure(allowed, parse);
        if (first.bytes() <= bytesAllowed && first.nanos() <= nanosAllowed) {
            return;
        }
        Usage again = measure(allowed, parse);
        assertThat(again.bytes()).as("bytes allocated for an input of %d bytes", inputSize)
                .isLessThanOrEqualTo(bytesAllowed);
        assertThat(again.nanos()).as("nanoseconds taken for an input of %d bytes", inputSize)
                .isLessThanOrEqualTo(nanosAllowed);
    }

    private static Usage measure(Class<? extends Exception> allowed, Parse parse) {
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        try {
            parse.run();
        } catch (Exception e) {
            if (!allowed.isInstance(e)) {
                throw new AssertionError("only " + allowed.getSimpleName() + " may leave the parser", e);
            }
        }
        return new Usage(THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore, System.nanoTime() - start);
    }

    private record Usage(long bytes, long nanos) {
    }
}
