package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Signals held during a load, in this JVM: a recording handler stands in for the JVM's own, so that a raised
 * SIGINT ends nothing; the test puts the JVM's handler back afterwards.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeferredSignalsTest {
    private static final Signal INT = new Signal("INT");

    private final Recording usual = new Recording();
    private SignalHandler jvms;

    @BeforeEach
    void recordSigint() {
        jvms = Signal.handle(INT, usual);
    }

    @AfterEach
    void restoreTheJvmsHandler() {
        Signal.handle(INT, jvms);
    }

    @Test
    void aSignalWhileHeldIsRecordedNotDeliveredAndAfterwardsGoesToTheUsualHandlerAgain() throws Exception {
        DeferredSignals held = DeferredSignals.hold(warning -> { });
        Signal.raise(INT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (held.arrived().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        held.release();

        assertThat(held.arrived()).contains("SIGINT");
        assertThat(held.exitCode()).hasValue(ExitCode.INTERRUPTED);
        assertThat(usual.received).isEmpty();

        Signal.raise(INT);
        assertThat(usual.delivered.await(10, TimeUnit.SECONDS)).as("delivered as usual once released").isTrue();
    }

    @Test
    void applyPutsTheUsualHandlerBackAfterTheLoad(@TempDir Path directory) throws Exception {
        Path firmware = GeneratedFirmware.forSimulatedMachine(directory.resolve("firmware"), 0xc6);
        SystemProperties properties = new SystemProperties()
                .set("ucode4j.simulated.latency", "1", "ucode4j.run-dir", directory.resolve("run").toString());
        try {
            Ucode.Run run = Ucode.run("apply", "--backend=simulated", "--yes", "--firmware=" + firmware);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        } finally {
            properties.restore();
        }
        assertThat(Signal.handle(INT, usual)).as("the handler in place after apply").isSameAs(usual);
    }

    /** Records the signals it is handed. */
    private static final class Recording implements SignalHandler {
        final List<String> received = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch delivered = new CountDownLatch(1);

        @Override
        public synchronized void handle(Signal signal) {
            received.add(signal.getName());
            delivered.countDown();
        }
    }
}
