package io.github.ucode4j.bench;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.rendezvous.RendezvousOptions.Spinning;
import io.github.ucode4j.rendezvous.RendezvousReport;
import io.github.ucode4j.rendezvous.RendezvousRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole {@code Rendezvous.run} on every allowed CPU of this host, threads really pinned, loads that take no
 * time: thread creation, pinning, call-in, the stopped window, the revision reads and the coordinator's polling.
 * Average time per run; {@link RendezvousOverhead} measures the stopped window alone, as percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RendezvousBenchmark {
    /** How the participants spin inside the window. */
    @Param({"PURE", "YIELDING", "AUTO"})
    public Spinning spinning;

    private PinnedRig rig;
    private RendezvousRequest request;

    /** Builds the rig once per mode. */
    @Setup(Level.Trial)
    public void openRig() throws ApplyException {
        rig = new PinnedRig(PinnedHost.current(), spinning);
    }

    /** Each run loads a newer revision; building its patch is kept out of the measured time. */
    @Setup(Level.Invocation)
    public void nextRequest() {
        request = rig.nextRequest();
    }

    /** One whole rendezvous; the report is returned so that nothing is optimised away. */
    @Benchmark
    public RendezvousReport wholeRun() {
        return rig.run(request);
    }

    @TearDown(Level.Trial)
    public void closeRig() {
        rig.close();
    }
}
