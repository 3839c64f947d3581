package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import io.github.ucode4j.linux.host.CpuInfo;
import io.github.ucode4j.linux.host.MsrReader;
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
 * and of the Intel platform flags, read as the vendor's driver reads them ({@link Dom0Registers}). Through dom0's msr
 * device, Xen passes a PV dom0 the physical CPU's MSR 0x17 (4.14 on) and MSR 0x8B, the latter as Xen's last load
 * left it. Each virtual CPU shows whichever physical CPU it runs on, so a value is only ever reported as that, and
 * only when every virtual CPU agrees. Without the msr
 * device the revision falls back to dom0's {@code /proc/cpuinfo}, which shows it as dom0 booted: a load since then
 * does not show there, so once this backend has asked Xen to load, that fallback is not used. One view per probe:
 * each MSR is read once on each virtual CPU.
 */
final class Dom0View {
    private static final String THROUGH_DOM0 = " through dom0's msr device, seen through a virtual CPU (Xen before 4.18"
            + " cannot report a physical CPU's ";
    /** How a revision from {@code /proc/cpuinfo} is labelled. */
    static final String CPUINFO_REVISION_SOURCE = "dom0's /proc/cpuinfo, as dom0 booted (Xen before 4.18 cannot report"
            + " a physical CPU's revision and dom0's msr device could not be read; a load since dom0 booted does not show"
            + " here)";

    /** A value seen through dom0 and how it is labelled, or why there is none. */
    record Reading<T>(Optional<T> value, String source, String whyUnknown) {
        static <T> Reading<T> of(T value, String source) {
            return new Reading<>(Optional.of(value), source, "");
        }

        static <T> Reading<T> unknown(String why) {
            return new Reading<>(Optional.empty(), "", why);
        }
    }

    /** A fact the vendor's driver reads from one virtual CPU's registers. */
    @FunctionalInterface
    private interface DriverRead<T> {
        T readFrom(WritableCpuRegisters cpu) throws ApplyException;
    }

    private final CpuInfo cpuinfo;
    private final Dom0Registers registers;
    private final boolean loadRequested;

    /**
     * @param cpuinfo dom0's {@code /proc/cpuinfo}
     * @param msr dom0's msr device, only read
     * @param loadRequested whether this backend has asked Xen to load, which leaves {@code /proc/cpuinfo}'s
     *     revisions behind
     */
    Dom0View(CpuInfo cpuinfo, MsrReader msr, boolean loadRequested) {
        this.cpuinfo = cpuinfo;
        this.registers = new Dom0Registers(msr);
        this.loadRequested = loadRequested;
    }

    /** The platform flags every virtual CPU of dom0 reads as {@code driver} reads them (Intel: MSR 0x17). */
    Reading<PlatformFlags> platformFlags(MicrocodeOps driver) {
        Seen<SourcedFact<PlatformFlags>> seen = onEveryVirtualCpu("the platform flags", driver::readPlatformFlags);
        if (seen.unreadable().isPresent()) {
            return Reading.unknown(seen.unreadable().get());
        }
        return agreeing(seen, SourcedFact::value, fact -> fact.source() + THROUGH_DOM0 + "platform flags; these are those"
                + " of the physical CPUs dom0's virtual CPUs ran on)");
    }

    /**
     * The revision of a physical CPU whose vendor {@code driver} serves: read as the driver reads it where dom0 can
     * read its MSRs, else, until a load is asked of Xen, what {@code /proc/cpuinfo} showed at dom0's boot for the CPU
     * model Xen displays ({@code cpuidName}, family, model, stepping).
     */
    Reading<Revision> revision(MicrocodeOps driver, String cpuidName, int family, int model, int stepping) {
        Seen<Revision> seen = onEveryVirtualCpu("the revision", driver::readRevision);
        if (seen.unreadable().isEmpty()) {
            return agreeing(seen, revision -> revision, revision -> seen.registers() + THROUGH_DOM0 + "revision; this is the"
                    + " revision Xen last loaded on the physical CPUs dom0's virtual CPUs ran on)");
        }
        String unreadable = seen.unreadable().get();
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

    /** What {@code read} gave on each of dom0's virtual CPUs, in order, and the MSRs it read; or why it could not. */
    private record Seen<T>(List<T> values, String registers, Optional<String> unreadable) {
    }

    private <T> Seen<T> onEveryVirtualCpu(String what, DriverRead<T> read) {
        if (cpuinfo.processors().isEmpty()) {
            return new Seen<>(List.of(), "", Optional.of("dom0's /proc/cpuinfo lists no virtual CPU to read " + what + " on"));
        }
        registers.forget();
        List<T> values = new ArrayList<>();
        for (int cpu : cpuinfo.processors().keySet()) {
            try {
                values.add(read.readFrom(registers.of(cpu)));
            } catch (ApplyException e) {
                return new Seen<>(List.of(), registers.namesRead(), Optional.of(e.getMessage()));
            }
        }
        return new Seen<>(values, registers.namesRead(), Optional.empty());
    }

    /** The value every virtual CPU read, labelled by {@code source}, or unknown naming the values they disagree on. */
    private static <T, V> Reading<V> agreeing(Seen<T> seen, Function<T, V> value, Function<T, String> source) {
        Set<V> distinct = new LinkedHashSet<>();
        seen.values().forEach(read -> distinct.add(value.apply(read)));
        if (distinct.size() > 1) {
            return Reading.unknown("dom0's virtual CPUs read several from " + seen.registers() + " " + distinct);
        }
        return Reading.of(distinct.iterator().next(), source.apply(seen.values().get(0)));
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
