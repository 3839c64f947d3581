package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.host.CpuidAccess;
import io.github.ucode4j.linux.host.CpuidLeaf;
import io.github.ucode4j.linux.host.MsrAccess;

/** Stands in for CPU devices that could not be opened at all: every access fails with the reason. */
final class UnavailableHardware implements MsrAccess, CpuidAccess {
    private final ApplyException reason;

    UnavailableHardware(ApplyException reason) {
        this.reason = reason;
    }

    @Override
    public long read(int cpu, long msr) throws ApplyException {
        throw reason;
    }

    @Override
    public void write(int cpu, long msr, long value) throws ApplyException {
        throw reason;
    }

    @Override
    public CpuidLeaf cpuid(int cpu, int leaf, int subleaf) throws ApplyException {
        throw reason;
    }
}
