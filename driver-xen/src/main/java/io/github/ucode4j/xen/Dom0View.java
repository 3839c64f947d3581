package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LoadProtocol.RevisionRead;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.CpuInfo;
import io.github.ucode4j.linux.IntelPlatformId;
import io.github.ucode4j.linux.MsrAccess;
import io.github.ucode4j.linux.NotesByCpu;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What dom0 sees of the physical CPUs through its virtual ones: the only view Xen before 4.18 gives of a revision
 * and of the Intel platform flags. Through dom0's msr device, Xen passes a PV dom0 the physical CPU's MSR 0x17
 * (4.14 on) and MSR 0x8B, the latter as Xen's last load left it. Each virtual CPU shows whichever physical CPU it
 * runs on, so a value is only ever reported as that, and only when every virtual CPU agrees. Without the msr
 * device the revision falls back to dom0's {@code /proc/cpuinfo}, which shows it as dom0 booted: a load since then
 * does not show there, so once this backend has asked Xen to load, that fallback is not used. One view per probe:
 * each MSR is read once.
 */
final class Dom0View {
    private static final String THROUGH_DOM0 = " through dom0's msr device, seen through a virtual CPU (Xen before 4.18"
            + " cannot report a physical CPU's ";
    /** How a revision read from MSR 0x8B is labelled. */
    static final String MSR_REVISION_SOURCE = "MSR 0x8B" + THROUGH_DOM0 + "revision; this is the revision Xen last"
            + " loaded on the physical CPUs dom0's virtual CPUs ran on)";
    /** How a revision from {@code /proc/cpuinfo} is labelled. */
    static final String CPUINFO_REVISION_SOURCE = "dom0's /proc/cpuinfo, as dom0 booted (Xen before 4.18 cannot report"
            + " a physical CPU's revision and dom0's msr device could not be read; a load since dom0 booted does not show"
            + " here)";
    /** How platform flags read from MSR 0x17 are labelled. */
    static final String PLATFORM_FLAGS_SOURCE = IntelPlatformId.SOURCE + THROUGH_DOM0 + "platform flags; these are"
            + " those of the physical CPUs dom0's virtual CPUs ran on)";

    /** A value seen through dom0 and how it is labelled, or why there is none. */
    record Reading<T>(Optional<T> value, String source, String whyUnknown) {
        static <T> Reading<T> of(T value, String source) {
            return new Reading<>(Optional.of(value), source, "");
        }

        static <T> Reading<T> unknown(String why) {
            return new Reading<>(Optional.empty(), "", why);
        }
    }

    /** An MSR as each of dom0's virtual CPUs read it, in virtual CPU order; or why dom0 could not read it. */
    private record MsrValues(List<Long> values, Optional<String> unreadable) {
    }

    private final CpuInfo cpuinfo;
    private final MsrAccess msr;
    private final boolean loadRequested;
    private MsrValues platformIds;
    private MsrValues revisionRegisters;

    /**
     * @param cpuinfo dom0's {@code /proc/cpuinfo}
     * @param msr dom0's msr device
     * @param loadRequested whether this backend has asked Xen to load, which leaves {@code /proc/cpuinfo}'s
     *     revisions behind
     */
    Dom0View(CpuInfo cpuinfo, MsrAccess msr, boolean loadRequested) {
        this.cpuinfo = cpuinfo;
        this.msr = msr;
        this.loadRequested = loadRequested;
    }

    /** The Intel platform flags every virtual CPU of dom0 reads from MSR 0x17. */
    Reading<PlatformFlags> platformFlags() {
        if (platformIds == null) {
            platformIds = readOnEveryVirtualCpu(IntelPlatformId.MSR);
        }
        if (platformIds.unreadable().isPresent()) {
            return Reading.unknown(platformIds.unreadable().get());
        }
        return agreeing(platformIds, IntelPlatformId::fromMsr, IntelPlatformId.MSR, PLATFORM_FLAGS_SOURCE);
    }

    /**
     * The revision of a physical CPU of {@code vendor}: MSR 0x8B where dom0 can read it, else, until a load is asked
     * of Xen, what {@code /proc/cpuinfo} showed at dom0's boot for the CPU model Xen displays ({@code cpuidName},
     * family, model, stepping).
     */
    Reading<Revision> revision(Vendor vendor, String cpuidName, int family, int model, int stepping) {
        if (revisionRegisters == null) {
            revisionRegisters = readOnEveryVirtualCpu(LoadProtocol.REVISION_MSR);
        }
        if (revisionRegisters.unreadable().isEmpty()) {
            // Only the read: Xen discards dom0's write of 0 to the MSR, and its own loads leave the revision there.
            RevisionRead rule = vendor == Vendor.INTEL ? RevisionRead.CLEAR_CPUID_HIGH_DWORD : RevisionRead.LOW_DWORD;
            return agreeing(revisionRegisters, rule::decode, LoadProtocol.REVISION_MSR, MSR_REVISION_SOURCE);
        }
        String unreadable = revisionRegisters.unreadable().get();
        if (loadRequested) {
            return Reading.unknown(unreadable + ", and dom0's /proc/cpuinfo shows the revision as dom0 booted, before the"
                    + " load just asked of Xen");
        }
        Set<Revision> shown = revisionsShownAtBoot(cpuidName, family, model, stepping);
        if (shown.size() == 1) {
            return Reading.of(shown.iterator().next(), CPUINFO_REVISION_SOURCE);
        }
        return Reading.unknown(unreadable + ", and " + (shown.isEmpty() ? "dom0's /proc/cpuinfo shows none for this CPU"
                + " model" : "dom0's virtual CPUs show several in /proc/cpuinfo " + shown));
    }

    private MsrValues readOnEveryVirtualCpu(long address) {
        if (cpuinfo.processors().isEmpty()) {
            return new MsrValues(List.of(), Optional.of("dom0's /proc/cpuinfo lists no virtual CPU to read " + name(address)
                    + " on"));
        }
        List<Long> values = new ArrayList<>();
        for (int cpu : cpuinfo.processors().keySet()) {
            try {
                values.add(msr.read(cpu, address));
            } catch (ApplyException e) {
                return new MsrValues(List.of(), Optional.of("dom0 could not read " + name(address) + " on its virtual CPU "
                        + cpu + " (" + NotesByCpu.reason(e) + ")"));
            }
        }
        return new MsrValues(values, Optional.empty());
    }

    private static <T> Reading<T> agreeing(MsrValues read, Function<Long, T> decode, long address, String source) {
        Set<T> distinct = new LinkedHashSet<>();
        read.values().forEach(value -> distinct.add(decode.apply(value)));
        if (distinct.size() > 1) {
            return Reading.unknown("dom0's virtual CPUs read several from " + name(address) + " " + distinct);
        }
        return Reading.of(distinct.iterator().next(), source);
    }

    private static String name(long address) {
        return String.format("MSR 0x%X", address);
    }

    private Set<Revision> revisionsShownAtBoot(String cpuidName, int family, int model, int stepping) {
        Set<Revision> revisions = new TreeSet<>();
        for (int cpu : cpuinfo.processors().keySet()) {
            if (cpuinfo.field(cpu, "vendor_id").equals(Optional.of(cpuidName))
                    && is(cpuinfo.decimal(cpu, "cpu family"), family) && is(cpuinfo.decimal(cpu, "model"), model)
                    && is(cpuinfo.decimal(cpu, "stepping"), stepping)) {
                cpuinfo.hex(cpu, "microcode").ifPresent(value -> revisions.add(Revision.of((int) value)));
            }
        }
        return revisions;
    }

    private static boolean is(OptionalInt field, int value) {
        return field.isPresent() && field.getAsInt() == value;
    }
}
