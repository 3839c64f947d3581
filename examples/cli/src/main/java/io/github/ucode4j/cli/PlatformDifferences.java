package io.github.ucode4j.cli;

import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which CPUs of a platform differ from the rest: the state (vendor, signature, platform flags, revision) most CPUs
 * share is the norm, and every CPU with another state is flagged. A machine whose CPUs run different revisions after
 * a load is the case users ask about most.
 */
public final class PlatformDifferences {
    private final Map<Integer, String> differing;

    private PlatformDifferences(Map<Integer, String> differing) {
        this.differing = differing;
    }

    /**
     * The differences of {@code platform}.
     *
     * @param platform the machine as read
     * @return how each CPU differs from the state most CPUs share; none for a consistent machine
     */
    public static PlatformDifferences of(Platform platform) {
        Map<CpuState, Integer> counts = new HashMap<>();
        platform.cpus().forEach(cpu -> counts.merge(cpu.state(), 1, Integer::sum));
        Optional<CpuState> norm = platform.cpus().stream().map(PlatformCpu::state)
                .max((a, b) -> Integer.compare(counts.get(a), counts.get(b)));
        Map<Integer, String> differing = new LinkedHashMap<>();
        for (PlatformCpu cpu : platform.cpus()) {
            if (norm.isPresent() && !cpu.state().equals(norm.get())) {
                differing.put(cpu.index(), describe(cpu.state(), norm.get()));
            }
        }
        return new PlatformDifferences(differing);
    }

    /**
     * Whether every CPU has the same state.
     *
     * @return true when no CPU differs
     */
    public boolean consistent() {
        return differing.isEmpty();
    }

    /**
     * Whether CPU {@code index} differs from most.
     *
     * @param index the logical CPU's number
     * @return true when its state is not the one most CPUs share
     */
    public boolean differs(int index) {
        return differing.containsKey(index);
    }

    /**
     * For each differing CPU, how: {@code revision 0xb6 where most CPUs have 0xb4}.
     *
     * @return each differing CPU's number with its description, in the platform's order; empty when none differs
     */
    public Map<Integer, String> descriptions() {
        return differing;
    }

    /**
     * The CPUs that differ, ascending.
     *
     * @return the numbers of the CPUs that differ; empty when none does
     */
    public List<Integer> cpus() {
        return List.copyOf(differing.keySet());
    }

    private static String describe(CpuState cpu, CpuState norm) {
        StringBuilder text = new StringBuilder();
        append(text, "vendor", cpu.vendor().map(Display::vendor).orElse(null), norm.vendor().map(Display::vendor).orElse(null));
        append(text, "signature", Display.signature(cpu.signature()), Display.signature(norm.signature()));
        append(text, "platform flags", Display.platformFlags(cpu.platformFlags()), Display.platformFlags(norm.platformFlags()));
        append(text, "revision", Display.revision(cpu.revision()), Display.revision(norm.revision()));
        return text.toString();
    }

    // Values are null where unknown.
    private static void append(StringBuilder text, String fact, String value, String norm) {
        if (!Objects.equals(value, norm)) {
            text.append(text.length() == 0 ? "" : ", ").append(fact).append(' ').append(Objects.requireNonNullElse(value, "unknown"))
                    .append(" where most CPUs have ").append(Objects.requireNonNullElse(norm, "unknown"));
        }
    }
}
