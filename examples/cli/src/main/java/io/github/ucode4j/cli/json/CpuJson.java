package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.cli.Display;
import io.github.ucode4j.cli.PlatformDifferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One logical CPU: its place in the topology, its state (null where unknown), where each fact was read
 * ({@code sources}, keyed {@code vendor}, {@code signature}, {@code platform_flags}, {@code revision},
 * {@code topology}), and whether it {@code differs} from most CPUs.
 *
 * @param cpu the operating system's CPU number (Xen's physical CPU number under Xen)
 * @param packageId the physical package (socket) id
 * @param core the core id, unique within the package
 * @param smtSiblings the numbers of every logical CPU on the same core, this one included, ascending
 * @param vendor {@code intel} or {@code amd}, or null when unknown
 * @param signature the signature as {@code 0x000906ea}, or null when unknown
 * @param familyModelStepping the signature as {@code 06-9e-0a}, or null when unknown
 * @param platformFlags the platform-flags mask as {@code 0x02}, or null when unknown
 * @param revision the running revision as {@code 0xb4}, or null when unknown
 * @param sources where each fact was read, keyed by the fact's name
 * @param differs whether this CPU's state differs from the one most CPUs share
 */
public record CpuJson(int cpu, int packageId, int core, List<Integer> smtSiblings, String vendor, String signature,
                      String familyModelStepping, String platformFlags, String revision, Map<String, String> sources,
                      boolean differs) {

    /**
     * The DTO for {@code cpu}.
     *
     * @param cpu the CPU as read
     * @param differences how the machine's CPUs differ, which tells whether this one does
     * @return the document part for that CPU, null where a fact is unknown
     */
    public static CpuJson of(PlatformCpu cpu, PlatformDifferences differences) {
        LogicalCpu place = cpu.cpu();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Fact fact : Fact.values()) {
            sources.put(Display.fact(fact), cpu.sourceOf(fact));
        }
        return new CpuJson(place.index(), place.packageId(), place.core(), place.smtSiblings(),
                cpu.state().vendor().map(Display::vendor).orElse(null), Display.signature(cpu.state().signature()),
                Display.familyModelStepping(cpu.state().signature()), Display.platformFlags(cpu.state().platformFlags()),
                Display.revision(cpu.state().revision()), sources, differences.differs(place.index()));
    }
}
