package io.github.ucode4j.linux;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuList;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.CpuRegisters;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.linux.host.CpuidAccess;
import io.github.ucode4j.linux.host.CpuidLeaf;
import io.github.ucode4j.linux.host.MsrReader;
import io.github.ucode4j.linux.host.NotesByCpu;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the {@link Platform} of a Linux machine: every online CPU with its topology, vendor, signature, platform
 * flags and revision, each labelled with where it was read, from the best source that answers: CPUID and MSRs
 * through {@code /dev/cpu/N}, else sysfs, else {@code /proc/cpuinfo}. What cannot be read becomes a note with the
 * reason.
 *
 * <p>Platform flags and revision are read as the vendor's driver says ({@link MicrocodeOps#readPlatformFlags},
 * {@link MicrocodeOps#readRevisionWithoutWriting}), through read-only {@link CpuRegisters}: the probe is given no
 * means to write an MSR, since every write through {@code /dev/cpu/N/msr} taints the kernel. So a revision whose
 * read needs a write (Intel's) is the kernel's view (sysfs {@code microcode/version}, else {@code /proc/cpuinfo}).
 */
final class PlatformProbe {
    private static final String CPUINFO_SIGNATURE = "/proc/cpuinfo cpu family, model, stepping";

    private final String backend;
    private final LinuxRoots roots;
    private final MicrocodeDrivers drivers;
    private final CpuidAccess cpuid;
    private final Optional<MsrReader> msr;
    private final Optional<String> kernelViewCaveat;

    /**
     * A probe reporting as {@code backend}.
     *
     * @param backend the backend name the platform is reported under
     * @param roots where the Linux interfaces are
     * @param drivers the vendor drivers, which say how their CPUs tell platform flags and revision
     * @param cpuid CPUID on a chosen CPU; failures fall back to {@code /proc/cpuinfo}
     * @param msr MSR reads, for what the vendor's driver reads without a write (the AMD revision, the Intel platform
     *     id); failures fall back to sysfs and {@code /proc/cpuinfo}; empty to read sysfs and procfs only
     * @param kernelViewCaveat what a revision from the kernel's view (sysfs, {@code /proc/cpuinfo}) may not show
     *     under this backend, noted for every CPU whose revision comes from there; empty where it shows the truth
     */
    public PlatformProbe(String backend, LinuxRoots roots, MicrocodeDrivers drivers, CpuidAccess cpuid,
                         Optional<MsrReader> msr, Optional<String> kernelViewCaveat) {
        this.backend = backend;
        this.roots = roots;
        this.drivers = drivers;
        this.cpuid = cpuid;
        this.msr = msr;
        this.kernelViewCaveat = kernelViewCaveat;
    }

    /**
     * Probes every online CPU.
     *
     * @throws IOException when sysfs or procfs cannot be read, or holds what the kernel never writes
     */
    public Platform probe() throws IOException {
        SysfsCpus sysfs = new SysfsCpus(roots);
        CpuInfo cpuinfo = CpuInfo.read(roots.cpuinfo());
        NotesByCpu notes = new NotesByCpu();
        List<Integer> online = onlineCpus(sysfs, cpuinfo, notes);
        List<PlatformCpu> cpus = new ArrayList<>();
        Optional<CpuidLeaf> firstLeaf1 = Optional.empty();
        for (int index : online) {
            CpuProbe cpu = new CpuProbe(index, sysfs, cpuinfo, notes);
            cpus.add(cpu.probe());
            if (cpus.size() == 1) {
                firstLeaf1 = cpu.leaf1;
            }
        }
        Optional<Boolean> hypervisor = online.isEmpty() ? Optional.empty() : hypervisor(online.get(0), firstLeaf1, cpuinfo, notes);
        return new Platform(backend, cpus, hypervisor, notes.toList());
    }

    private static List<Integer> onlineCpus(SysfsCpus sysfs, CpuInfo cpuinfo, NotesByCpu notes) throws IOException {
        Optional<List<Integer>> online = sysfs.online();
        if (online.isEmpty()) {
            notes.add("/sys/devices/system/cpu/online is missing: the CPUs listed in /proc/cpuinfo are taken as online");
            return cpuinfo.processors().keySet().stream().sorted().toList();
        }
        Optional<List<Integer>> present = sysfs.present();
        if (present.isPresent()) {
            List<Integer> offline = present.get().stream().filter(c -> !online.get().contains(c)).toList();
            if (!offline.isEmpty()) {
                notes.add((offline.size() == 1 ? "CPU " + offline.get(0) + " is" : "CPUs " + CpuList.format(offline) + " are")
                        + " present but offline: the kernel refuses a late load "
                        + "(EBUSY) until every present CPU is online (echo 1 > /sys/devices/system/cpu/cpuN/online)");
            }
        }
        return online.get();
    }

    private Optional<Boolean> hypervisor(int cpu, Optional<CpuidLeaf> leaf1, CpuInfo cpuinfo, NotesByCpu notes) {
        Optional<Boolean> present;
        String source;
        if (leaf1.isPresent()) {
            present = Optional.of(leaf1.get().hypervisorPresent());
            source = "CPUID leaf 1 ECX bit 31";
        } else if (cpuinfo.field(cpu, "flags").isPresent()) {
            present = Optional.of(cpuinfo.flags(cpu).contains("hypervisor"));
            source = "the 'hypervisor' flag in /proc/cpuinfo";
        } else {
            notes.add("whether a hypervisor is present is unknown: neither CPUID nor /proc/cpuinfo flags could be read");
            return Optional.empty();
        }
        if (present.get()) {
            notes.add("a hypervisor is present (" + source + "): the kernel disables its microcode loader in a guest, "
                    + "and the hypervisor decides whether a guest may load microcode at all");
        }
        return present;
    }

    /** One CPU's registers as the probe may use them: through an {@link MsrReader}, so for reading only. */
    private record ReadOnlyRegisters(MsrReader msr, int cpu) implements CpuRegisters {
        // The driver decides which registers it reads, so a failed read is put in words that name the register.
        @Override
        public long readMsr(long address) throws ApplyException {
            try {
                return msr.read(cpu, address);
            } catch (ApplyException e) {
                throw new ApplyException("MSR 0x" + Long.toHexString(address).toUpperCase(Locale.ROOT) + " unreadable ("
                        + NotesByCpu.reason(e) + ")", e.cpu(),
                        e.errno(), "", e);
            }
        }
    }

    // Concatenated rather than formatted: the first %d of a process loads the locale's digits, 8 ms of a status.
    private static String cpuidSource(int leaf) {
        return "CPUID leaf " + leaf + " (/dev/cpu/N/cpuid)";
    }

    /** The probe of one CPU; remembers its CPUID leaves for the facts that follow from them. */
    private final class CpuProbe {
        final int cpu;
        final SysfsCpus sysfs;
        final CpuInfo cpuinfo;
        final NotesByCpu notes;
        final Optional<CpuRegisters> registers;
        final Map<Fact, String> sources = new EnumMap<>(Fact.class);
        Optional<CpuidLeaf> leaf0 = Optional.empty();
        Optional<CpuidLeaf> leaf1 = Optional.empty();

        CpuProbe(int cpu, SysfsCpus sysfs, CpuInfo cpuinfo, NotesByCpu notes) {
            this.cpu = cpu;
            this.sysfs = sysfs;
            this.cpuinfo = cpuinfo;
            this.notes = notes;
            this.registers = msr.map(reader -> new ReadOnlyRegisters(reader, cpu));
        }

        PlatformCpu probe() throws IOException {
            readCpuid();
            LogicalCpu topology = topology();
            Optional<Vendor> vendor = record(Fact.VENDOR, vendor());
            Optional<CpuSignature> signature = record(Fact.SIGNATURE, signature());
            Optional<MicrocodeOps> driver = driver(vendor);
            Optional<PlatformFlags> flags = record(Fact.PLATFORM_FLAGS, platformFlags(driver, signature));
            Optional<Revision> revision = record(Fact.REVISION, revision(driver));
            return new PlatformCpu(topology, new CpuState(vendor, signature, flags, revision), sources);
        }

        private <T> Optional<T> record(Fact fact, Optional<SourcedFact<T>> sourced) {
            sourced.ifPresent(s -> sources.put(fact, s.source()));
            return sourced.map(SourcedFact::value);
        }

        // How the vendor's CPUs tell their platform flags and revision is the vendor driver's knowledge.
        private Optional<MicrocodeOps> driver(Optional<Vendor> vendor) {
            Optional<MicrocodeOps> driver = vendor.flatMap(drivers::forVendor);
            if (vendor.isPresent() && driver.isEmpty()) {
                notes.add(cpu, "no " + vendor.get() + " microcode driver is installed: platform flags unknown, revision from"
                        + " the kernel's view");
            }
            return driver;
        }

        private void readCpuid() {
            try {
                leaf0 = Optional.of(cpuid.cpuid(cpu, 0, 0));
                leaf1 = Optional.of(cpuid.cpuid(cpu, 1, 0));
            } catch (ApplyException e) {
                notes.add(cpu, "CPUID unreadable (" + NotesByCpu.reason(e) + "); vendor and signature from /proc/cpuinfo");
            }
        }

        private LogicalCpu topology() throws IOException {
            Optional<LogicalCpu> fromSysfs = sysfs.topology(cpu);
            if (fromSysfs.isPresent()) {
                sources.put(Fact.TOPOLOGY, "sysfs topology/{core_id,physical_package_id,thread_siblings_list}");
                return fromSysfs.get();
            }
            OptionalInt core = cpuinfo.decimal(cpu, "core id");
            OptionalInt packageId = cpuinfo.decimal(cpu, "physical id");
            if (core.isPresent() && packageId.isPresent()) {
                sources.put(Fact.TOPOLOGY, "/proc/cpuinfo core id, physical id (SMT siblings unknown)");
                return LogicalCpu.alone(cpu, core.getAsInt(), packageId.getAsInt());
            }
            notes.add(cpu, "topology unknown (no sysfs topology, no core id in /proc/cpuinfo): taken as a core of its own");
            return LogicalCpu.alone(cpu, cpu, 0);
        }

        private Optional<SourcedFact<Vendor>> vendor() {
            Optional<SourcedFact<String>> name = leaf0.map(l -> new SourcedFact<>(l.vendorString(), cpuidSource(0)))
                    .or(() -> cpuinfo.field(cpu, "vendor_id").map(v -> new SourcedFact<>(v, "/proc/cpuinfo vendor_id")));
            if (name.isEmpty()) {
                notes.add(cpu, "vendor unknown: neither CPUID nor /proc/cpuinfo vendor_id could be read");
                return Optional.empty();
            }
            Optional<Vendor> vendor = Vendor.fromCpuidName(name.get().value());
            if (vendor.isEmpty()) {
                notes.add(cpu, "vendor '" + name.get().value() + "' is not one whose microcode ucode4j knows");
            }
            return vendor.map(v -> new SourcedFact<>(v, name.get().source()));
        }

        private Optional<SourcedFact<CpuSignature>> signature() {
            if (leaf1.isPresent()) {
                return Optional.of(new SourcedFact<>(leaf1.get().signature(), cpuidSource(1)));
            }
            OptionalInt family = cpuinfo.decimal(cpu, "cpu family");
            OptionalInt model = cpuinfo.decimal(cpu, "model");
            OptionalInt stepping = cpuinfo.decimal(cpu, "stepping");
            if (family.isEmpty() || model.isEmpty() || stepping.isEmpty()) {
                notes.add(cpu, "signature unknown: neither CPUID nor /proc/cpuinfo family, model and stepping could be read");
                return Optional.empty();
            }
            try {
                return Optional.of(new SourcedFact<>(CpuSignature.fromDisplay(family.getAsInt(), model.getAsInt(), stepping.getAsInt()), CPUINFO_SIGNATURE));
            } catch (IllegalArgumentException e) {
                notes.add(cpu, "signature unknown: /proc/cpuinfo family, model, stepping do not encode: " + e.getMessage());
                return Optional.empty();
            }
        }

        private Optional<SourcedFact<PlatformFlags>> platformFlags(Optional<MicrocodeOps> driver,
                Optional<CpuSignature> signature) throws IOException {
            if (driver.isEmpty()) {
                return Optional.empty();
            }
            Optional<SourcedFact<PlatformFlags>> known = driver.get().platformFlagsWithoutRegisters(signature);
            if (known.isPresent()) {
                return known;
            }
            if (registers.isPresent()) {
                try {
                    return Optional.of(driver.get().readPlatformFlags(registers.get()));
                } catch (ApplyException e) {
                    notes.add(cpu, e.getMessage() + "; platform flags from sysfs");
                }
            }
            OptionalLong fromSysfs = sysfs.processorFlags(cpu);
            if (fromSysfs.isPresent()) {
                return Optional.of(new SourcedFact<>(PlatformFlags.of((int) fromSysfs.getAsLong() & 0xff), "sysfs microcode/processor_flags"));
            }
            notes.add(cpu, "platform flags unknown: the CPU's registers and sysfs microcode/processor_flags could not be read");
            return Optional.empty();
        }

        private Optional<SourcedFact<Revision>> revision(Optional<MicrocodeOps> driver) throws IOException {
            Optional<SourcedFact<Revision>> fromRegisters = driver.flatMap(this::revisionFromRegisters);
            if (fromRegisters.isPresent()) {
                return fromRegisters;
            }
            Optional<SourcedFact<Revision>> fromKernel = revisionFromKernel();
            if (fromKernel.isEmpty()) {
                notes.add(cpu, "revision unknown: no MSR access, no sysfs microcode/version, no microcode line in /proc/cpuinfo");
            } else if (kernelViewCaveat.isPresent()) {
                notes.add(cpu, "the revision from " + fromKernel.get().source() + " is " + kernelViewCaveat.get());
            }
            return fromKernel;
        }

        // Where the vendor's read needs a write (Intel), the driver reads nothing here: the probe has no write.
        private Optional<SourcedFact<Revision>> revisionFromRegisters(MicrocodeOps driver) {
            if (registers.isEmpty()) {
                return Optional.empty();
            }
            try {
                return driver.readRevisionWithoutWriting(registers.get());
            } catch (ApplyException e) {
                notes.add(cpu, e.getMessage() + "; revision from sysfs or /proc/cpuinfo");
                return Optional.empty();
            }
        }

        private Optional<SourcedFact<Revision>> revisionFromKernel() throws IOException {
            OptionalLong version = sysfs.microcodeVersion(cpu);
            if (version.isPresent()) {
                return Optional.of(new SourcedFact<>(Revision.of((int) version.getAsLong()), "sysfs microcode/version"));
            }
            OptionalLong fromCpuinfo = cpuinfo.hex(cpu, "microcode");
            if (fromCpuinfo.isPresent()) {
                return Optional.of(new SourcedFact<>(Revision.of((int) fromCpuinfo.getAsLong()), "/proc/cpuinfo microcode"));
            }
            return Optional.empty();
        }
    }
}
