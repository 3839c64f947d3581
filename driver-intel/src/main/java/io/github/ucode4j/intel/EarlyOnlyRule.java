package io.github.ucode4j.intel;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Revision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule that a CPU's microcode must be loaded only early, at boot: which CPUs, up to which running revision, and
 * who says so and why.
 *
 * @param cpus the CPUs: {@code ff-mm-ss} signatures, or {@code ff-mm} for every stepping of a model (lower-case hex)
 * @param runningBelow when present, the rule holds only while the CPU runs an older revision (compared unsigned); a
 *     CPU whose revision is unknown is taken to run an older one, as nothing shows it does not
 * @param source who says so: the document, its version and date
 * @param why what the source says, as a phrase that follows {@code source}
 */
public record EarlyOnlyRule(List<String> cpus, Optional<Revision> runningBelow, String source, String why) {
    private static final Pattern CPU = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{2}(-[0-9a-f]{2})?");

    /**
     * Copies the CPUs and checks their spelling.
     *
     * @param cpus the CPUs, {@code ff-mm-ss} or {@code ff-mm} in lower-case hex; at least one
     * @param runningBelow the revision below which the rule holds, or empty when it holds whatever the CPU runs
     * @param source who says so; not null
     * @param why what the source says; not null
     * @throws IllegalArgumentException when there is no CPU, or one is not {@code ff-mm-ss} or {@code ff-mm} in
     *     lower-case hex
     * @throws NullPointerException when an argument is null
     */
    public EarlyOnlyRule {
        cpus = List.copyOf(cpus);
        Objects.requireNonNull(runningBelow, "runningBelow");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(why, "why");
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a rule names at least one CPU");
        }
        for (String cpu : cpus) {
            if (!CPU.matcher(cpu).matches()) {
                throw new IllegalArgumentException("a CPU is ff-mm-ss or ff-mm in lower-case hex: " + cpu);
            }
        }
    }

    /**
     * Whether the rule holds for a CPU with {@code signature} running {@code running} (empty when unknown).
     *
     * @param signature the CPU's signature
     * @param running the revision the CPU runs, or empty when unknown (taken as older than any bound)
     * @return true when the CPU is listed and, if the rule has a bound, runs below it
     */
    public boolean holdsFor(CpuSignature signature, Optional<Revision> running) {
        String familyModelStepping = signature.familyModelStepping();
        boolean listed = cpus.stream().anyMatch(cpu -> familyModelStepping.equals(cpu) || familyModelStepping.startsWith(cpu + "-"));
        return listed && runningBelow.map(bound -> running.map(r -> bound.isNewerThan(r)).orElse(true)).orElse(true);
    }
}
