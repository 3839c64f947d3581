package io.github.ucode4j.rendezvous;

import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.cache.LoadPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What differs between the plan a person confirmed and the plan made again under the host-wide lock, one sentence
 * per change: the machine (CPUs online, their topology, vendor, signature, platform flags or revision), and, on a
 * CPU the machine did not change, the verdict (another decision, another patch, or the planned patch with other
 * bytes). A patch read again from another file with the same bytes is the same patch: the CPU would be handed the
 * same bytes.
 */
final class PlanChanges {
    private PlanChanges() {
    }

    /** Every change from {@code confirmed} to {@code now}; empty when loading {@code confirmed} is still right. */
    static List<String> between(LoadPlan confirmed, LoadPlan now) {
        List<String> changes = new ArrayList<>();
        Platform was = confirmed.platform();
        Platform is = now.platform();
        for (PlatformCpu before : was.cpus()) {
            changes.addAll(is.cpu(before.index()).map(after -> cpuChanges(before, after, confirmed, now))
                    .orElse(List.of("CPU " + before.index() + " went offline")));
        }
        is.cpus().stream().filter(cpu -> was.cpu(cpu.index()).isEmpty())
                .forEach(cpu -> changes.add("CPU " + cpu.index() + " came online"));
        return changes;
    }

    // What the machine changed on one CPU; if nothing, whether its verdict changed, which only the patches can do.
    private static List<String> cpuChanges(PlatformCpu before, PlatformCpu after, LoadPlan confirmed, LoadPlan now) {
        List<String> machine = machineChanges(before, after);
        if (!machine.isEmpty()) {
            return machine;
        }
        return verdictChange(confirmed.verdict(before.index()), now.verdict(before.index())).stream().toList();
    }

    private static List<String> machineChanges(PlatformCpu before, PlatformCpu after) {
        List<String> changes = new ArrayList<>();
        int cpu = before.index();
        if (!before.cpu().equals(after.cpu())) {
            changes.add("CPU " + cpu + " now sits at " + place(after.cpu()) + ", the plan saw " + place(before.cpu()));
        }
        fact(cpu, "vendor", "reports vendor", before.state(), after.state(), CpuState::vendor).ifPresent(changes::add);
        fact(cpu, "signature", "reports signature", before.state(), after.state(), CpuState::signature).ifPresent(changes::add);
        fact(cpu, "platform flags", "reports platform flags", before.state(), after.state(), CpuState::platformFlags)
                .ifPresent(changes::add);
        fact(cpu, "revision", "runs", before.state(), after.state(), CpuState::revision).ifPresent(changes::add);
        return changes;
    }

    // "CPU 3 now runs 0x2006e05, the plan saw 0x2006b06", or, when the fact can no longer be read, says so.
    private static Optional<String> fact(int cpu, String noun, String verb, CpuState before, CpuState after,
                                         Function<CpuState, Optional<?>> fact) {
        Optional<?> was = fact.apply(before);
        Optional<?> is = fact.apply(after);
        if (was.equals(is)) {
            return Optional.empty();
        }
        String now = is.map(value -> "CPU " + cpu + " now " + verb + " " + value)
                .orElse("CPU " + cpu + "'s " + noun + " can no longer be read");
        return Optional.of(now + ", the plan saw " + was.map(Object::toString).orElse("it unknown"));
    }

    private static String place(LogicalCpu cpu) {
        return "core " + cpu.core() + " of package " + cpu.packageId() + " with SMT siblings " + cpu.smtSiblings();
    }

    private static Optional<String> verdictChange(Optional<Verdict> confirmed, Optional<Verdict> now) {
        if (confirmed.isEmpty() || now.isEmpty()) {
            return Optional.empty(); // the platform's CPUs and the plan's verdicts are one to one
        }
        Verdict was = confirmed.get();
        Verdict is = now.get();
        if (was.kind() == is.kind() && samePatch(was.patch(), is.patch())) {
            return Optional.empty();
        }
        String start = "CPU " + was.cpu() + " would now get " + describe(is);
        return Optional.of(describe(is).equals(describe(was)) ? start + " with other bytes than the plan's"
                : start + ", the plan chose " + describe(was));
    }

    // What is loaded is the revision and its bytes; where they were read does not matter.
    private static boolean samePatch(Optional<MicrocodePatch> a, Optional<MicrocodePatch> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get().revision().equals(b.get().revision()) && a.get().sameBytes(b.get());
    }

    private static String describe(Verdict verdict) {
        return verdict.kind() + verdict.patch().map(p -> " to " + p).orElse("");
    }
}
