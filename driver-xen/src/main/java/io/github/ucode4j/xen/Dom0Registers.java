package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import io.github.ucode4j.linux.host.MsrReader;
import io.github.ucode4j.linux.host.NotesByCpu;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registers of dom0's virtual CPUs as a driver reads them: MSRs through dom0's msr device, each read at most
 * once per virtual CPU (a failure too is remembered), with the registers read kept for the labels. Xen passes a PV
 * dom0 the physical CPU's MSR 0x8B as Xen's own loads keep it, so the write and CPUID with which Intel's revision read
 * begins on bare metal are neither needed nor sent: a write through dom0's msr device would taint dom0's kernel.
 */
final class Dom0Registers {
    private record Read(int virtualCpu, long msr) {
    }

    private final MsrReader msr;
    private final Map<Read, Long> values = new HashMap<>();
    private final Map<Read, ApplyException> failures = new HashMap<>();
    private final Set<Long> read = new LinkedHashSet<>();

    Dom0Registers(MsrReader msr) {
        this.msr = msr;
    }

    /** The registers of dom0's virtual CPU {@code virtualCpu}; a failed read says which MSR on which virtual CPU. */
    WritableCpuRegisters of(int virtualCpu) {
        return new WritableCpuRegisters() {
            @Override
            public long readMsr(long address) throws ApplyException {
                return Dom0Registers.this.read(new Read(virtualCpu, address));
            }

            @Override
            public void writeMsr(long address, long value) {
                // Not sent: see the class comment.
            }

            @Override
            public void executeCpuid(int leaf) {
                // Not needed: see the class comment.
            }
        };
    }

    /** The MSRs read through any virtual CPU since {@link #forget}, named {@code MSR 0x8B}. */
    String namesRead() {
        return read.stream().map(Dom0Registers::name).collect(Collectors.joining(", "));
    }

    /** Starts a new list of the MSRs read; values stay remembered. */
    void forget() {
        read.clear();
    }

    static String name(long address) {
        return String.format("MSR 0x%X", address);
    }

    private long read(Read key) throws ApplyException {
        read.add(key.msr());
        ApplyException failure = failures.get(key);
        if (failure != null) {
            throw failure;
        }
        Long known = values.get(key);
        if (known != null) {
            return known;
        }
        try {
            long value = msr.read(key.virtualCpu(), key.msr());
            values.put(key, value);
            return value;
        } catch (ApplyException e) {
            ApplyException named = new ApplyException("dom0 could not read " + name(key.msr()) + " on its virtual CPU "
                    + key.virtualCpu() + " (" + NotesByCpu.reason(e) + ")", e.cpu(), e.errno(), "", e);
            failures.put(key, named);
            throw named;
        }
    }
}
