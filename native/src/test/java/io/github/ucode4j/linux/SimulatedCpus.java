package io.github.ucode4j.linux;

import com.sun.jna.Pointer;
import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.host.CpuidAccess;
import io.github.ucode4j.linux.host.CpuidLeaf;
import io.github.ucode4j.linux.host.DeviceRemedies;
import io.github.ucode4j.linux.host.MsrAccess;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import io.github.ucode4j.linux.libc.JnaLibc;
import io.github.ucode4j.linux.libc.MemoryRegion;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * CPUs of one vendor in software, behind the MSR and CPUID device layer, that load microcode as the real ones do:
 * they read the patch from the address written to the trigger MSR (real memory: the backend's locked buffer),
 * check alignment, signature and revision, and move their revision only for a valid patch they would take.
 * Intel ignores a patch it does not take; AMD raises #GP (EIO). A user address is usable only from a thread
 * pinned to the CPU; a kernel direct-map address is translated back through the simulated page map, which
 * hands out physical frames above 4 GiB.
 */
final class SimulatedCpus implements MsrAccess, CpuidAccess, ThreadPinning, PhysicalAddresses {
    // IA32_BIOS_SIGN_ID / PATCH_LEVEL and IA32_PLATFORM_ID, as the CPUs this simulates hold them.
    private static final long REVISION_MSR = 0x8B;
    private static final long PLATFORM_ID_MSR = 0x17;
    /** Where the simulated physical frames handed out start: 4 GiB, as on a machine with memory above it. */
    private static final long FIRST_PHYSICAL = 0x1_0000_0000L;

    private final Vendor vendor;
    private final CpuSignature signature;
    private final int equivalenceIdOrPlatformId;
    private final int[] revisions;
    private final long[] revisionRegisters;
    private final ThreadLocal<Integer> pinned = ThreadLocal.withInitial(() -> -1);
    private final List<Long> triggerValues = new ArrayList<>();
    private final List<MsrWrite> writes = new ArrayList<>();
    private final List<long[]> physicalRanges = new ArrayList<>();
    private long nextPhysical = FIRST_PHYSICAL;
    private long physmapBase = MsrOptions.NON_KASLR_PHYSMAP_BASE;
    private OptionalInt writeErrno = OptionalInt.empty();

    private SimulatedCpus(Vendor vendor, CpuSignature signature, int id, int cpus, int revision) {
        this.vendor = vendor;
        this.signature = signature;
        this.equivalenceIdOrPlatformId = id;
        this.revisions = new int[cpus];
        Arrays.fill(revisions, revision);
        this.revisionRegisters = new long[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            revisionRegisters[cpu] = vendor == Vendor.INTEL ? (long) revision << 32 : Integer.toUnsignedLong(revision);
        }
    }

    static SimulatedCpus intel(CpuSignature signature, int platformId, int cpus, int revision) {
        return new SimulatedCpus(Vendor.INTEL, signature, platformId, cpus, revision);
    }

    static SimulatedCpus amd(CpuSignature signature, int equivalenceId, int cpus, int revision) {
        return new SimulatedCpus(Vendor.AMD, signature, equivalenceId, cpus, revision);
    }

    /** Hardware for a backend: the real C library (buffers), these CPUs for everything else. */
    Hardware hardware() throws ApplyException {
        return new Hardware(JnaLibc.load(), this, this, this, this);
    }

    /** Every MSR write fails with {@code errno} from now on (EPERM: msr.allow_writes=off, lockdown). */
    void refuseWrites(int errno) {
        writeErrno = OptionalInt.of(errno);
    }

    /** The physmap base the simulated kernel uses. */
    void physmapBase(long base) {
        physmapBase = base;
    }

    /** The revision {@code cpu} really runs. */
    int revision(int cpu) {
        return revisions[cpu];
    }

    /** Every value written to the trigger MSR. */
    List<Long> triggerValues() {
        return triggerValues;
    }

    /** Every MSR write asked of these CPUs, refused ones included: each one taints a real kernel. */
    List<MsrWrite> writes() {
        return writes;
    }

    /** One MSR write asked of a CPU. */
    record MsrWrite(int cpu, long msr, long value) {
    }

    @Override
    public synchronized long read(int cpu, long msr) throws ApplyException {
        if (msr == REVISION_MSR) {
            return revisionRegisters[cpu];
        }
        if (msr == PLATFORM_ID_MSR && vendor == Vendor.INTEL) {
            return (long) equivalenceIdOrPlatformId << 50;
        }
        throw generalProtection("reading", cpu, msr);
    }

    @Override
    public synchronized void write(int cpu, long msr, long value) throws ApplyException {
        writes.add(new MsrWrite(cpu, msr, value));
        if (writeErrno.isPresent()) {
            throw ErrnoException.of("pwrite", writeErrno.getAsInt()).in("writing MSR 0x" + Long.toHexString(msr) + " on CPU " + cpu,
                    OptionalInt.of(cpu), DeviceRemedies.write(msr, cpu, writeErrno.getAsInt()));
        }
        if (vendor == Vendor.INTEL && msr == REVISION_MSR) {
            revisionRegisters[cpu] = value;
        } else if (msr == TestPatches.INTEL_PROTOCOL.triggerMsr() && vendor == Vendor.INTEL) {
            triggerValues.add(value);
            intelLoad(cpu, value);
        } else if (msr == TestPatches.AMD_PROTOCOL.triggerMsr() && vendor == Vendor.AMD) {
            triggerValues.add(value);
            amdLoad(cpu, value);
        } else {
            throw generalProtection("writing", cpu, msr);
        }
    }

    private void intelLoad(int cpu, long dataAddress) throws ApplyException {
        if (dataAddress % 16 != 0) {
            throw generalProtection("writing", cpu, TestPatches.INTEL_PROTOCOL.triggerMsr());
        }
        ByteBuffer header = memory(cpu, dataAddress - TestPatches.INTEL_HEADER, TestPatches.INTEL_HEADER);
        if (header == null) {
            return;
        }
        int dataSize = header.getInt(28);
        ByteBuffer whole = memory(cpu, dataAddress - TestPatches.INTEL_HEADER, TestPatches.INTEL_HEADER + dataSize);
        boolean valid = header.getInt(0) == 1 && header.getInt(12) == signature.eax()
                && (header.getInt(24) & 1 << equivalenceIdOrPlatformId) != 0 && TestPatches.dwordSum(whole) == 0;
        int candidate = header.getInt(4);
        if (valid && Integer.compareUnsigned(candidate, revisions[cpu]) > 0) {
            revisions[cpu] = candidate;
        }
    }

    private void amdLoad(int cpu, long headerAddress) throws ApplyException {
        ByteBuffer header = headerAddress % 16 == 0 ? memory(cpu, headerAddress, TestPatches.AMD_HEADER) : null;
        int candidate = header == null ? 0 : header.getInt(4);
        if (header == null || (header.getShort(24) & 0xffff) != equivalenceIdOrPlatformId
                || Integer.compareUnsigned(candidate, revisions[cpu]) < 0) {
            throw generalProtection("writing", cpu, TestPatches.AMD_PROTOCOL.triggerMsr());
        }
        revisions[cpu] = candidate;
        revisionRegisters[cpu] = Integer.toUnsignedLong(candidate);
    }

    /** The bytes the CPU sees at {@code address}, or null when it cannot see them from where the write runs. */
    private ByteBuffer memory(int cpu, long address, int length) {
        long virtual;
        if (address < 0) { // bit 63: the kernel's half of the address space
            long physical = address - physmapBase;
            long[] range = physicalRanges.stream().filter(r -> physical >= r[0] && physical + length <= r[0] + r[2]).findFirst().orElse(null);
            if (range == null) {
                return null; // not memory this simulation handed out: the CPU reads something else
            }
            virtual = range[1] + (physical - range[0]);
        } else if (pinned.get() == cpu) {
            virtual = address;
        } else {
            return null; // the write ran in another address space: whatever is there, it is not this buffer
        }
        return ByteBuffer.wrap(new Pointer(virtual).getByteArray(0, length)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ErrnoException generalProtection(String access, int cpu, long msr) {
        return ErrnoException.of(access.equals("reading") ? "pread" : "pwrite", Errno.EIO).in(access + " MSR 0x" + Long.toHexString(msr)
                + " on CPU " + cpu, OptionalInt.of(cpu), access.equals("reading") ? DeviceRemedies.read(msr, cpu, Errno.EIO)
                : DeviceRemedies.write(msr, cpu, Errno.EIO));
    }

    @Override
    public synchronized CpuidLeaf cpuid(int cpu, int leaf, int subleaf) {
        if (leaf == 0) {
            ByteBuffer name = ByteBuffer.wrap(vendor.cpuidName().getBytes(StandardCharsets.US_ASCII)).order(ByteOrder.LITTLE_ENDIAN);
            return new CpuidLeaf(0x10, name.getInt(0), name.getInt(8), name.getInt(4));
        }
        if (leaf == 1 && vendor == Vendor.INTEL) {
            revisionRegisters[cpu] = (long) revisions[cpu] << 32 | (revisionRegisters[cpu] & 0xffffffffL);
        }
        return leaf == 1 ? new CpuidLeaf(signature.eax(), 0, 0, 0) : new CpuidLeaf(0, 0, 0, 0);
    }

    @Override
    public void pinCurrentThread(int cpu) {
        pinned.set(cpu);
    }

    @Override
    public int currentCpu() {
        return Math.max(pinned.get(), 0);
    }

    @Override
    public synchronized long physicalAddressOf(long virtualAddress, long length) {
        long physical = nextPhysical + virtualAddress % MemoryRegion.PAGE_SIZE;
        physicalRanges.add(new long[] {physical, virtualAddress, length});
        nextPhysical += (length / MemoryRegion.PAGE_SIZE + 2) * MemoryRegion.PAGE_SIZE;
        return physical;
    }
}
