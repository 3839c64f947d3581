package io.github.ucode4j.testing;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One CPU's registers for driver tests: MSRs with set values, CPUID that may store a value in an MSR (as an Intel
 * CPU stores its revision in MSR 0x8B), and a log of every access in order.
 */
public final class FakeRegisters implements WritableCpuRegisters {
    private final Map<Long, Long> msrs = new HashMap<>();
    private final Map<Integer, Map.Entry<Long, Long>> storedByCpuid = new HashMap<>();
    private final List<String> log = new ArrayList<>();

    /** Sets {@code msr} to {@code value}. */
    public FakeRegisters msr(long msr, long value) {
        msrs.put(msr, value);
        return this;
    }

    /** Makes CPUID with {@code leaf} set {@code msr} to {@code value}. */
    public FakeRegisters cpuidStores(int leaf, long msr, long value) {
        storedByCpuid.put(leaf, Map.entry(msr, value));
        return this;
    }

    /** Every access so far: {@code read 0x8b}, {@code write 0x8b 0x0}, {@code cpuid 1}. */
    public List<String> log() {
        return List.copyOf(log);
    }

    @Override
    public long readMsr(long msr) throws ApplyException {
        log.add("read 0x" + Long.toHexString(msr));
        Long value = msrs.get(msr);
        if (value == null) {
            throw new ApplyException("MSR 0x" + Long.toHexString(msr) + " is not set in this fake", "");
        }
        return value;
    }

    @Override
    public void writeMsr(long msr, long value) {
        log.add("write 0x" + Long.toHexString(msr) + " 0x" + Long.toHexString(value));
        msrs.put(msr, value);
    }

    @Override
    public void executeCpuid(int leaf) {
        log.add("cpuid " + leaf);
        Map.Entry<Long, Long> stored = storedByCpuid.get(leaf);
        if (stored != null) {
            msrs.put(stored.getKey(), stored.getValue());
        }
    }
}
