package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
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
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.linux.host.NotesByCpu;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.ErrnoException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Xen's physical CPUs, read through hypercalls: which exist and are online ({@code XENPF_get_cpuinfo}),
 * vendor, family, model and stepping ({@code XENPF_get_cpu_version}) and, on Xen 4.18 and later, signature,
 * platform flags and revision ({@code XENPF_get_ucode_revision}); core and package from
 * {@code XEN_SYSCTL_cputopoinfo}. Before 4.18 the revision and the Intel platform
 * flags are what dom0 sees through its virtual CPUs ({@link Dom0View}), labelled so, or unknown; never guessed.
 * Offline CPUs are skipped with a note. Collects its notes as it goes: one probe per instance.
 */
final class XenPlatformProbe {
    private static final String XEN_LOG = "Xen's own log is in 'xl dmesg'";

    private final XenSession session;
    private final Dom0View dom0;
    private final MicrocodeDrivers drivers;
    private final NotesByCpu notes = new NotesByCpu();

    /**
     * @param session the hypercall session
     * @param dom0 what dom0 sees, for a Xen before 4.18
     * @param drivers the vendor drivers, which say how their CPUs tell platform flags and revision
     */
    XenPlatformProbe(XenSession session, Dom0View dom0, MicrocodeDrivers drivers) {
        this.session = session;
        this.dom0 = dom0;
        this.drivers = drivers;
    }

    /**
     * Reads every online physical CPU of the Xen {@code version}.
     *
     * @throws ApplyException when Xen does not answer a query every Xen answers
     */
    Platform probe(String backend, XenVersion version) throws ApplyException {
        notes.add("Xen " + version + ": these are Xen's physical CPUs, not dom0's virtual ones; Xen loads the microcode");
        if (!version.atLeast(XenVersion.REVISION_HYPERCALL)) {
            notes.add("Xen " + version + " cannot report a physical CPU's revision or platform flags (XENPF_get_ucode_revision"
                    + " needs 4.18): they are read through dom0's virtual CPUs, with the msr module (MSR 0x8B, MSR 0x17), and"
                    + " kept where every virtual CPU agrees; Xen logs its own at boot (" + XEN_LOG + ")");
        }
        PhysicalCpuInfo first = cpuInfo(0);
        List<Integer> online = new ArrayList<>();
        for (int cpu = 0; cpu <= first.maxPresent(); cpu++) {
            PhysicalCpuInfo info = cpu == 0 ? first : cpuInfo(cpu);
            if (!info.present()) {
                continue;
            }
            if (!info.online()) {
                notes.add(cpu, "offline in Xen: skipped (xen-hptool cpu-online brings it online)");
                continue;
            }
            online.add(cpu);
        }
        PhysicalTopology topology = topology(version, first.maxPresent() + 1, online);
        List<PlatformCpu> cpus = new ArrayList<>();
        for (int cpu : online) {
            probeCpu(cpu, version, topology).ifPresent(cpus::add);
        }
        // dom0 always runs under Xen, whatever the physical CPUs are.
        return new Platform(backend, cpus, Optional.of(true), notes.toList());
    }

    /** Where the {@code online} CPUs sit; unknown, with a note saying why, where this Xen cannot tell. */
    private PhysicalTopology topology(XenVersion version, int cpus, List<Integer> online) throws ApplyException {
        String fallback = ": each is taken as a core of its own in package 0";
        OptionalInt interfaceVersion = SysctlOp.interfaceVersion(version);
        if (interfaceVersion.isEmpty()) {
            notes.add("core and package of Xen's physical CPUs are unknown: ucode4j asks XEN_SYSCTL_cputopoinfo only of Xen "
                    + SysctlOp.FIRST_KNOWN + " and later" + fallback);
            return PhysicalTopology.unknown();
        }
        PhysicalTopology topology;
        try {
            topology = PhysicalTopology.of(session.cpuTopology(interfaceVersion.getAsInt(), cpus), online);
        } catch (ErrnoException e) {
            notes.add("core and package of Xen's physical CPUs are unknown: XEN_SYSCTL_cputopoinfo (interface version 0x"
                    + Integer.toHexString(interfaceVersion.getAsInt()) + ") failed: " + Errno.describe(e.errnoValue()) + fallback);
            return PhysicalTopology.unknown();
        }
        for (int cpu : online) {
            if (!topology.knows(cpu)) {
                notes.add(cpu, "core and package unknown: XEN_SYSCTL_cputopoinfo gave none" + fallback);
            }
        }
        return topology;
    }

    private Optional<PlatformCpu> probeCpu(int cpu, XenVersion version, PhysicalTopology topology) throws ApplyException {
        PhysicalCpuVersion id = PhysicalCpuVersion.decode(ask(PlatformOp.getCpuVersion(cpu), cpu, "XENPF_get_cpu_version"));
        Map<Fact, String> sources = new EnumMap<>(Fact.class);
        Optional<Vendor> vendor = Vendor.fromCpuidName(id.vendor());
        if (vendor.isPresent()) {
            sources.put(Fact.VENDOR, "XENPF_get_cpu_version");
        } else {
            notes.add(cpu, "vendor '" + id.vendor() + "' is not one whose microcode ucode4j knows");
        }
        sources.put(Fact.TOPOLOGY, topology.source(cpu));
        LogicalCpu logical = topology.cpu(cpu);
        if (!version.atLeast(XenVersion.REVISION_HYPERCALL)) {
            return Optional.of(new PlatformCpu(logical, displayedState(cpu, id, vendor, sources), sources));
        }
        Optional<UcodeRevision> answer = ucodeRevision(cpu);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlatformCpu(logical, revisionState(cpu, answer.get(), vendor, sources), sources));
    }

    /** Xen 4.18 and later: signature, platform flags and revision as Xen read them on that CPU. */
    private CpuState revisionState(int cpu, UcodeRevision answer, Optional<Vendor> vendor, Map<Fact, String> sources) {
        String source = "XENPF_get_ucode_revision";
        sources.put(Fact.SIGNATURE, source);
        sources.put(Fact.REVISION, source);
        Optional<PlatformFlags> flags = Optional.empty();
        if ((answer.platformFlags() & ~0xff) == 0) {
            flags = Optional.of(PlatformFlags.of(answer.platformFlags()));
            sources.put(Fact.PLATFORM_FLAGS, source);
        } else {
            notes.add(cpu, "platform flags unknown: Xen reported 0x" + Integer.toHexString(answer.platformFlags())
                    + ", wider than 8 bits");
        }
        return new CpuState(vendor, Optional.of(CpuSignature.of(answer.signature())), flags,
                Optional.of(Revision.of(answer.revision())));
    }

    /** Before Xen 4.18: the displayed family, model and stepping; the revision and platform flags as dom0 sees them. */
    private CpuState displayedState(int cpu, PhysicalCpuVersion id, Optional<Vendor> vendor, Map<Fact, String> sources) {
        Optional<CpuSignature> signature = displayedSignature(cpu, id, sources);
        Optional<MicrocodeOps> driver = vendor.flatMap(drivers::forVendor);
        if (vendor.isPresent() && driver.isEmpty()) {
            notes.add(cpu, "platform flags and revision unknown: no " + vendor.get() + " microcode driver is installed to"
                    + " read them");
            return new CpuState(vendor, signature, Optional.empty(), Optional.empty());
        }
        Optional<PlatformFlags> flags = driver.flatMap(d -> platformFlags(cpu, d, signature, sources));
        Optional<Revision> revision = driver.flatMap(d -> recorded(cpu, dom0.revision(d, id.vendor(), id.family(), id.model(),
                id.stepping()), Fact.REVISION, "revision unknown: Xen before 4.18 cannot report it", sources));
        return new CpuState(vendor, signature, flags, revision);
    }

    private Optional<CpuSignature> displayedSignature(int cpu, PhysicalCpuVersion id, Map<Fact, String> sources) {
        try {
            CpuSignature signature = CpuSignature.fromDisplay(id.family(), id.model(), id.stepping());
            sources.put(Fact.SIGNATURE, "XENPF_get_cpu_version (family, model, stepping; processor type taken as 0)");
            return Optional.of(signature);
        } catch (IllegalArgumentException e) {
            notes.add(cpu, "signature unknown: Xen's family, model, stepping do not encode: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Before Xen 4.18: as the driver knows them without registers (AMD, old Intel CPUs: none), else as dom0 reads them. */
    private Optional<PlatformFlags> platformFlags(int cpu, MicrocodeOps driver, Optional<CpuSignature> signature,
            Map<Fact, String> sources) {
        Optional<SourcedFact<PlatformFlags>> known = driver.platformFlagsWithoutRegisters(signature);
        if (known.isPresent()) {
            sources.put(Fact.PLATFORM_FLAGS, known.get().source());
            return Optional.of(known.get().value());
        }
        return recorded(cpu, dom0.platformFlags(driver), Fact.PLATFORM_FLAGS,
                "platform flags unknown: Xen before 4.18 cannot report them", sources);
    }

    /** A reading's value with its source, or a note saying why the fact is unknown. */
    private <T> Optional<T> recorded(int cpu, Dom0View.Reading<T> reading, Fact fact, String unknown,
            Map<Fact, String> sources) {
        if (reading.value().isPresent()) {
            sources.put(fact, reading.source());
        } else {
            notes.add(cpu, unknown + ", and " + reading.whyUnknown());
        }
        return reading.value();
    }

    /** The CPU's revision; empty, with a note, when Xen says the CPU went offline meanwhile. */
    private Optional<UcodeRevision> ucodeRevision(int cpu) throws ApplyException {
        try {
            return Optional.of(UcodeRevision.decode(session.platformOp(PlatformOp.getUcodeRevision(cpu))));
        } catch (ErrnoException e) {
            if (e.errnoValue() == Errno.ENOENT) {
                notes.add(cpu, "offline in Xen (XENPF_get_ucode_revision: ENOENT): skipped");
                return Optional.empty();
            }
            throw failed(e, cpu, "XENPF_get_ucode_revision");
        }
    }

    private PhysicalCpuInfo cpuInfo(int cpu) throws ApplyException {
        return PhysicalCpuInfo.decode(ask(PlatformOp.getCpuInfo(cpu), cpu, "XENPF_get_cpuinfo"));
    }

    private ByteBuffer ask(ByteBuffer op, int cpu, String command) throws ApplyException {
        try {
            return session.platformOp(op);
        } catch (ErrnoException e) {
            throw failed(e, cpu, command);
        }
    }

    private static ApplyException failed(ErrnoException e, int cpu, String command) {
        return e.in("asking Xen " + command + " for physical CPU " + cpu, OptionalInt.of(cpu), XEN_LOG);
    }
}
