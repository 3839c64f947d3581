package io.github.ucode4j.rendezvous;

import static io.github.ucode4j.rendezvous.testing.Machines.RELAXED;
import static io.github.ucode4j.rendezvous.testing.Machines.loadEverywhere;
import static io.github.ucode4j.rendezvous.testing.Machines.machine;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.rendezvous.simulated.Fault;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a backend prepared is released after the load, but never while a thread may still use it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RendezvousReleaseTest {
    private static final Revision NEW = Revision.of(0x20);

    /** Counts releases, and fails them when told to. */
    private static final class Releasing extends ForwardingBackend {
        final AtomicInteger releases = new AtomicInteger();
        final boolean fail;

        Releasing(SimulatedBackend delegate, boolean fail) {
            super(delegate);
            this.fail = fail;
        }

        @Override
        public void release() throws ApplyException {
            releases.incrementAndGet();
            if (fail) {
                throw new ApplyException("munlock failed", "nothing");
            }
        }
    }

    @Test
    void aCompletedLoadReleasesOnce() {
        try (SimulatedBackend simulated = new SimulatedBackend(machine(Vendor.AMD, "1x2x1").build())) {
            Releasing backend = new Releasing(simulated, false);
            RendezvousReport report = new Rendezvous(backend, RELAXED).run(loadEverywhere(simulated.machine(), NEW));
            assertThat(backend.releases).hasValue(1);
            assertThat(report.notes()).isEmpty();
        }
    }

    @Test
    void aFailedReleaseIsANoteNotALostError() {
        try (SimulatedBackend simulated = new SimulatedBackend(machine(Vendor.AMD, "1x2x1").build())) {
            RendezvousReport report = new Rendezvous(new Releasing(simulated, true), RELAXED).run(loadEverywhere(simulated.machine(), NEW));
            assertThat(report.notes()).singleElement().asString().contains("could not release what it prepared: munlock failed");
        }
    }

    @Test
    void nothingIsReleasedWhileAThreadIsStuckInTheBackend() {
        try (SimulatedBackend simulated = new SimulatedBackend(machine(Vendor.AMD, "1x2x1").fault(1, Fault.hangsInApply()).build())) {
            Releasing backend = new Releasing(simulated, false);
            RendezvousReport report = new Rendezvous(backend, RELAXED.withProgressTimeout(Duration.ofMillis(200)))
                    .run(loadEverywhere(simulated.machine(), NEW));
            assertThat(backend.releases).hasValue(0);
            assertThat(report.notes()).singleElement().asString().contains("is kept: ucode4j-cpu-1 did not leave it");
        }
    }
}
