package io.github.ucode4j.cli.text;

import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.cli.Display;
import io.github.ucode4j.cli.PlatformDifferences;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Prints a platform for people: a row per logical CPU, where each fact came from, and the CPUs that differ. */
public final class PlatformText {
    private PlatformText() {
    }

    /**
     * Prints {@code platform}.
     *
     * @param platform the machine as read
     * @param out where to print, a line per {@code println}
     */
    public static void print(Platform platform, PrintWriter out) {
        PlatformDifferences differences = PlatformDifferences.of(platform);
        out.println("backend " + platform.backend() + ", " + platform.cpus().size() + " logical CPUs"
                + platform.hypervisorPresent().map(h -> h ? ", under a hypervisor" : ", bare metal").orElse(""));
        TextTable table = new TextTable("CPU", "PKG", "CORE", "SMT", "VENDOR", "SIGNATURE", "RAW", "PF", "REVISION", "");
        for (PlatformCpu cpu : platform.cpus()) {
            var state = cpu.state();
            table.row(cpu.index(), cpu.cpu().packageId(), cpu.cpu().core(), Display.cpus(cpu.cpu().smtSiblings()),
                    state.vendor().map(Display::vendor).orElse(null), Display.familyModelStepping(state.signature()),
                    Display.signature(state.signature()), Display.platformFlags(state.platformFlags()),
                    Display.revision(state.revision()), differences.differs(cpu.index()) ? "<- differs" : "");
        }
        table.print(out);
        printSources(platform, out);
        if (differences.consistent()) {
            out.println("all CPUs agree");
        } else {
            differences.descriptions().forEach((cpu, how) -> out.println("CPU " + cpu + " differs: " + how));
        }
        platform.notes().forEach(note -> out.println("note: " + note));
    }

    // CPUs read the same way share one line, so that a large machine does not print its sources a hundred times.
    private static void printSources(Platform platform, PrintWriter out) {
        Map<String, List<Integer>> cpusBySources = new LinkedHashMap<>();
        for (PlatformCpu cpu : platform.cpus()) {
            String sources = Stream.of(Fact.values()).map(f -> Display.fact(f) + " from " + cpu.sourceOf(f))
                    .collect(Collectors.joining("; "));
            cpusBySources.computeIfAbsent(sources, s -> new ArrayList<>()).add(cpu.index());
        }
        cpusBySources.forEach((sources, cpus) -> out.println(
                (cpusBySources.size() == 1 ? "sources" : "sources of CPUs " + Display.cpus(cpus)) + ": " + sources));
    }
}
