package io.github.ucode4j.xen;

import io.github.ucode4j.api.Revision;
import io.github.ucode4j.linux.CpuInfo;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The revisions dom0's {@code /proc/cpuinfo} shows, the only view of them Xen before 4.18 gives. Each line is a
 * virtual CPU, showing the revision of whichever physical CPU it last ran on, so a value is only ever reported as
 * that, and only when every virtual CPU of the model agrees.
 */
final class Dom0Revisions {
    /** How such a revision is labelled. */
    static final String SOURCE = "dom0's /proc/cpuinfo, seen through a virtual CPU (Xen before 4.18 cannot report a "
            + "physical CPU's revision; this is the revision of the physical CPUs dom0's virtual CPUs ran on)";

    private final CpuInfo cpuinfo;

    Dom0Revisions(CpuInfo cpuinfo) {
        this.cpuinfo = cpuinfo;
    }

    /** The distinct revisions dom0's virtual CPUs of this vendor, family, model and stepping show. */
    Set<Revision> shownFor(String vendor, int family, int model, int stepping) {
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

    private static boolean is(OptionalInt field, int value) {
        return field.isPresent() && field.getAsInt() == value;
    }
}
