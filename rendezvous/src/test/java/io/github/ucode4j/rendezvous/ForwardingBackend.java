package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.PerCpuBackend;
import java.io.IOException;
import java.util.Optional;

/** A per-CPU backend that passes every call to another; tests override the call they break. */
class ForwardingBackend implements PerCpuBackend {
    private final PerCpuBackend delegate;

    ForwardingBackend(PerCpuBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int priority() {
        return delegate.priority();
    }

    @Override
    public Optional<String> unavailableReason() {
        return delegate.unavailableReason();
    }

    @Override
    public Platform platform() throws IOException {
        return delegate.platform();
    }

    @Override
    public void prepare(MicrocodePatch patch, LoadProtocol protocol) throws ApplyException {
        delegate.prepare(patch, protocol);
    }

    @Override
    public void pinCurrentThread(LogicalCpu cpu) throws ApplyException {
        delegate.pinCurrentThread(cpu);
    }

    @Override
    public CpuResult apply(LogicalCpu cpu, MicrocodePatch patch, LoadProtocol protocol) {
        return delegate.apply(cpu, patch, protocol);
    }

    @Override
    public Revision readRevision(LogicalCpu cpu, LoadProtocol protocol) throws ApplyException {
        return delegate.readRevision(cpu, protocol);
    }
}
