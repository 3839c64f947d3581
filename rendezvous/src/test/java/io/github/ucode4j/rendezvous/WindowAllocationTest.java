package io.github.ucode4j.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.fixtures.FixtureDriver;
import io.github.ucode4j.api.spi.PerCpuBackend;
import io.github.ucode4j.rendezvous.simulated.Topology;
import io.github.ucode4j.rendezvous.testing.Machines;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine allocates nothing between a CPU's call-in and EXIT. Measured on the participant threads themselves
 * with a backend that allocates nothing: a sibling's two revision reads bracket its call-in wait, the window and
 * EXIT; a loader's revision read and the entry to its apply bracket its call-in wait and the wait for the control
 * CPU.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WindowAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void theEngineAllocatesNothingInsideTheWindow() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations");
        THREADS.setThreadAllocatedMemoryEnabled(true);
        List<LogicalCpu> cpus = new Topology(1, 4, 2).cpus();
        MicrocodePatch patch = FixtureDriver.patch(Vendor.INTEL, CpuSignature.of(0x906ea), PlatformFlags.of(2), Revision.of(2));
        RendezvousRequest request = new RendezvousRequest(Machines.protocol(Vendor.INTEL),
                cpus.stream().map(cpu -> LoadAssignment.load(cpu, patch)).toList());
        Rendezvous rendezvous = new Rendezvous(new CountingBackend(cpus.size()), Machines.RELAXED);
        rendezvous.run(request); // warm up: class loading and linking allocate once

        for (int run = 0; run < 5; run++) {
            CountingBackend backend = new CountingBackend(cpus.size());
            RendezvousReport report = new Rendezvous(backend, Machines.RELAXED).run(request);

            assertThat(report.aborted()).isFalse();
            for (LogicalCpu cpu : cpus) {
                int i = cpu.index();
                long allocated = cpu.isPrimaryThread() ? backend.applyEntry[i] - backend.firstRead[i]
                        : backend.secondRead[i] - backend.firstRead[i];
                assertThat(allocated).as("bytes allocated by the engine on CPU %d's thread, run %d", i, run).isZero();
            }
        }
    }

    /** Loads nothing, allocates nothing, and notes each thread's allocation counter at every call. */
    private static final class CountingBackend implements PerCpuBackend {
        private static final Revision REVISION = Revision.of(2);
        final long[] firstRead;
        final long[] secondRead;
        final long[] applyEntry;
        private final int[] reads;
        private final CpuResult[] results;

        CountingBackend(int cpus) {
            firstRead = new long[cpus];
            secondRead = new long[cpus];
            applyEntry = new long[cpus];
            reads = new int[cpus];
            results = new CpuResult[cpus];
            for (int i = 0; i < cpus; i++) {
                results[i] = new CpuResult(i, CpuOutcome.UPDATED, Optional.of(Revision.of(1)), Optional.of(REVISION),
                        OptionalInt.empty(), "counted");
            }
        }

        @Override
        public Revision readRevision(LogicalCpu cpu, LoadProtocol protocol) {
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            if (reads[cpu.index()]++ == 0) {
                firstRead[cpu.index()] = allocated;
            } else {
                secondRead[cpu.index()] = allocated;
            }
            return REVISION;
        }

        @Override
        public CpuResult apply(LogicalCpu cpu, MicrocodePatch patch, LoadProtocol protocol) {
            applyEntry[cpu.index()] = THREADS.getCurrentThreadAllocatedBytes();
            return results[cpu.index()];
        }

        @Override
        public void pinCurrentThread(LogicalCpu cpu) {
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public Platform platform() {
            return new Platform(name(), List.of(), Optional.empty(), List.of());
        }
    }
}
