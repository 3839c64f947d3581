package io.github.ucode4j.bench;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.PerCpuBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import java.util.Optional;

/**
 * A simulated backend whose threads are really pinned: before the simulated machine binds a thread to its CPU, the
 * thread is bound with the scheduler to the host CPU that stands for it. The rendezvous then runs with the same
 * threads, spinning and affinity as on real hardware, and only the loads themselves are simulated.
 */
final class PinnedBackend implements PerCpuBackend, AutoCloseable {
    private final SimulatedBackend simulated;
    private final PinnedHost host;

    /**
     * @param simulated the machine that loads
     * @param host the host CPUs, one for each simulated CPU: simulated CPU i runs on the i-th
     */
    PinnedBackend(SimulatedBackend simulated, PinnedHost host) {
        if (host.cpus().size() != simulated.machine().topology().cpuCount()) {
            throw new IllegalArgumentException(host.cpus().size() + " host CPUs for a machine of "
                    + simulated.machine().topology().cpuCount());
        }
        this.simulated = simulated;
        this.host = host;
    }

    @Override
    public String name() {
        return "pinned-" + simulated.name();
    }

    @Override
    public int priority() {
        return simulated.priority();
    }

    @Override
    public Optional<String> unavailableReason() {
        return simulated.unavailableReason();
    }

    @Override
    public Platform platform() {
        return simulated.platform();
    }

    @Override
    public void prepare(MicrocodePatch patch, LoadProtocol protocol) throws ApplyException {
        simulated.prepare(patch, protocol);
    }

    @Override
    public void release() throws ApplyException {
        simulated.release();
    }

    @Override
    public void pinCurrentThread(LogicalCpu cpu) throws ApplyException {
        host.pinning().pinCurrentThread(host.cpus().get(cpu.index()));
        simulated.pinCurrentThread(cpu);
    }

    @Override
    public CpuResult apply(LogicalCpu cpu, MicrocodePatch patch, LoadProtocol protocol) {
        return simulated.apply(cpu, patch, protocol);
    }

    @Override
    public Revision readRevision(LogicalCpu cpu, LoadProtocol protocol) throws ApplyException {
        return simulated.readRevision(cpu, protocol);
    }

    @Override
    public void close() {
        simulated.close();
    }
}
