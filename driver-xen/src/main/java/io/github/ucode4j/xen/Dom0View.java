package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.linux.CpuInfo;
import io.github.ucode4j.linux.IntelPlatformId;
import io.github.ucode4j.linux.MsrAccess;
import io.github.ucode4j.linux.NotesByCpu;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * What dom0 sees of the physical CPUs through its virtual ones, the only view Xen before 4.18 gives of a revision
 * and of the Intel platform flags: the revisions in {@code /proc/cpuinfo}, and MSR 0x17 read through dom0's msr
 * device, which Xen (4.14 on) passes through from the physical CPU the virtual one runs on. Each virtual CPU shows
 * whichever physical CPU it last ran on, so a value is only ever reported as that, and only when every virtual CPU
 * agrees. One view per probe: the platform id is read once.
 */
final class Dom0View {
    /** How a revision from this view is labelled. */
    static final String REVISION_SOURCE = "dom0's /proc/cpuinfo, seen through a virtual CPU (Xen before 4.18 cannot "
            + "report a physical CPU's revision; this is the revision of the physical CPUs dom0's virtual CPUs ran on)";
    /** How platform flags from this view are labelled. */
    static final String PLATFORM_FLAGS_SOURCE = IntelPlatformId.SOURCE + " through dom0's msr device, seen through a "
            + "virtual CPU (Xen before 4.18 cannot report a physical CPU's platform flags; these are those of the "
            + "physical CPUs dom0's virtual CPUs ran on)";

    /** The platform flags every virtual CPU read, or why there are none. */
    record PlatformFlagsView(Optional<PlatformFlags> flags, String whyUnknown) {
    }

    private final CpuInfo cpuinfo;
    private final MsrAccess msr;
    private PlatformFlagsView platformFlags;

    Dom0View(CpuInfo cpuinfo, MsrAccess msr) {
        this.cpuinfo = cpuinfo;
        this.msr = msr;
    }

    /** The distinct revisions dom0's virtual CPUs of this vendor, family, model and stepping show. */
    Set<Revision> revisionsShownFor(String vendor, int family, int model, int stepping) {
        Set<Revision> revisions = new TreeSet<>();
        for (int cpu : cpuinfo.processors().keySet()) {
            if (cpuinfo.field(cpu, "vendor_id").equals(Optional.of(vendor))
                    && is(cpuinfo.decimal(cpu, "cpu family"), family) && is(cpuinfo.decimal(cpu, "model"), model)
                    && is(cpuinfo.decimal(cpu, "stepping"), stepping)) {
                cpuinfo.hex(cpu, "microcode").ifPresent(value -> revisions.add(Revision.of((int) value)));
            }
        }
        return revisions;
    }

    /** The Intel platform flags every virtual CPU of dom0 reads from MSR 0x17; read on first use. */
    PlatformFlagsView platformFlags() {
        if (platformFlags == null) {
            platformFlags = readPlatformFlags();
        }
        return platformFlags;
    }

    private PlatformFlagsView readPlatformFlags() {
        Set<Integer> virtualCpus = cpuinfo.processors().keySet();
        if (virtualCpus.isEmpty()) {
            return unknown("dom0's /proc/cpuinfo lists no virtual CPU to read MSR 0x17 on");
        }
        Set<PlatformFlags> read = new TreeSet<>(Comparator.comparingInt(PlatformFlags::mask));
        for (int cpu : virtualCpus) {
            try {
                read.add(IntelPlatformId.read(msr, cpu));
            } catch (ApplyException e) {
                return unknown("dom0 could not read MSR 0x17 on its virtual CPU " + cpu + " (" + NotesByCpu.reason(e) + ")");
            }
        }
        if (read.size() > 1) {
            return unknown("dom0's virtual CPUs read several from MSR 0x17 " + read);
        }
        return new PlatformFlagsView(Optional.of(read.iterator().next()), "");
    }

    private static PlatformFlagsView unknown(String why) {
        return new PlatformFlagsView(Optional.empty(), why);
    }

    private static boolean is(OptionalInt field, int value) {
        return field.isPresent() && field.getAsInt() == value;
    }
}
