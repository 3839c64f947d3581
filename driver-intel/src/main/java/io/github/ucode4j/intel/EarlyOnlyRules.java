package io.github.ucode4j.intel;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.VerdictKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Intel CPUs whose microcode must be loaded only early, at boot, and never late into a running system, because
 * a late load may hang them: the one place ucode4j keeps these facts. Two kinds of rule, because the facts come in
 * two forms:
 * <ul>
 *   <li>Rules by CPU, read from the driver's resource {@code early-only.txt}, each with its source (a Debian
 *       changelog entry with version, date and bug, or Linux's own loader) and, where the source gives one, the
 *       running revision below which it holds. They hold whatever file a patch comes from: Intel's own
 *       {@code ff-mm-ss} files, a {@code .dat} bundle or a concatenation carry the same microcode as Debian's renamed
 *       ones.
 *   <li>Debian's file convention: its packager renames the firmware file of a CPU it keeps from the late loader
 *       from {@code ff-mm-ss} to {@code ff-mm-ss.initramfs}, so Linux's late loader, which asks for
 *       {@code intel-ucode/ff-mm-ss}, never finds it, while the early initramfs still gets it. A patch read from
 *       such a file is early-only for the CPU the name gives (for every CPU it fits, when the name gives none). This
 *       follows CPUs the packager marks after the rules above were written. The name judged is the patch's origin:
 *       for a patch from a cache, the first place its bytes were read.
 * </ul>
 * No source restricts a rule by platform flags, so the rules have none.
 *
 * <p>Either kind is an objection to late-loading the CPU at all ({@link LoadObjection.Scope#CPU}), not to one
 * patch: what hangs is the act of loading late on that CPU, and Debian asks for 0x406e3 and 0x506e3 to go from the
 * firmware's revision straight to the latest with no update in between. An older patch is no safer, and forcing a
 * late load does not make it an early one. The objection names the way out: the early initramfs, which
 * {@code ucode write-early-cpio} writes with these patches in it. Immutable and thread-safe.
 */
public final class EarlyOnlyRules {
    private static final String RESOURCE = "early-only.txt";
    private static final String INITRAMFS_SUFFIX = ".initramfs";
    private static final Pattern FAMILY_MODEL_STEPPING = Pattern.compile("\\p{XDigit}{2}-\\p{XDigit}{2}-\\p{XDigit}{2}");

    private final List<EarlyOnlyRule> rules;

    private EarlyOnlyRules(List<EarlyOnlyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules the driver carries, read from its resource (which records where each comes from).
     *
     * @return the built-in rules, read once
     */
    public static EarlyOnlyRules builtIn() {
        return Holder.BUILT_IN;
    }

    /**
     * The first rule that holds for a CPU with {@code signature} running {@code running} (empty when unknown).
     *
     * @param signature the CPU's signature
     * @param running the revision the CPU runs, or empty when unknown
     * @return the first such rule in the resource's order, or empty when none holds
     */
    public Optional<EarlyOnlyRule> ruleFor(CpuSignature signature, Optional<Revision> running) {
        return rules.stream().filter(rule -> rule.holdsFor(signature, running)).findFirst();
    }

    /**
     * The objection to late-loading {@code patch} on {@code cpu}, an {@link VerdictKind#EARLY_ONLY} one to the CPU,
     * when a rule holds for the CPU or the patch was read from a file its packager named {@code .initramfs} for it;
     * empty when the CPU's signature is unknown.
     *
     * @param patch the patch a late load would apply; its source file is checked for the {@code .initramfs} name
     * @param cpu the CPU it would be applied to
     * @return the objection, naming the rule or file and saying to load at boot, or empty when none applies
     */
    public Optional<LoadObjection> objection(MicrocodePatch patch, CpuState cpu) {
        if (cpu.signature().isEmpty()) {
            return Optional.empty();
        }
        CpuSignature signature = cpu.signature().get();
        Optional<String> fact = ruleFor(signature, cpu.revision()).map(rule -> statement(rule, cpu.revision()))
                .or(() -> initramfsFile(patch, signature).map(file -> "patch " + patch.revision() + " was read from " + file
                        + ", a name Debian's intel-microcode gives the firmware it keeps from Linux's late loader (which asks "
                        + "for intel-ucode/ff-mm-ss)"));
        return fact.map(text -> new LoadObjection(VerdictKind.EARLY_ONLY, signature.familyModelStepping() + " (0x"
                + Integer.toHexString(signature.eax()) + ") must not be late-loaded: " + text + "; load patch " + patch.revision()
                + " at boot through the early initramfs (ucode write-early-cpio)", LoadObjection.Scope.CPU));
    }

    private static String statement(EarlyOnlyRule rule, Optional<Revision> running) {
        String runs = rule.runningBelow().isPresent() && running.isPresent() ? "; this CPU runs " + running.get() : "";
        return rule.source() + " " + rule.why() + runs;
    }

    // The name of the file the patch was read from, when it ends in .initramfs and gives this CPU or none.
    private static Optional<String> initramfsFile(MicrocodePatch patch, CpuSignature signature) {
        String source = patch.origin().source();
        String name = source.substring(source.lastIndexOf('/') + 1);
        if (!name.endsWith(INITRAMFS_SUFFIX)) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - INITRAMFS_SUFFIX.length());
        boolean namesACpu = FAMILY_MODEL_STEPPING.matcher(stem).matches();
        return !namesACpu || stem.equalsIgnoreCase(signature.familyModelStepping()) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Rules from the lines of a rule file named {@code name}; see the resource for the format.
     *
     * @throws IllegalStateException naming the file, the line and what is wrong with it
     */
    static EarlyOnlyRules parse(List<String> lines, String name) {
        List<EarlyOnlyRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(rule(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + " line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return new EarlyOnlyRules(rules);
    }

    private static EarlyOnlyRule rule(String line) {
        String[] fields = line.split("\\s*\\|\\s*");
        if (fields.length != 4) {
            throw new IllegalArgumentException("a rule has four fields separated by '|' (CPUS | RUNNING | SOURCE | WHY)");
        }
        return new EarlyOnlyRule(Arrays.asList(fields[0].split("\\s+")), running(fields[1]), fields[2], fields[3]);
    }

    private static Optional<Revision> running(String field) {
        if (field.equals("any")) {
            return Optional.empty();
        }
        if (field.matches("below 0x\\p{XDigit}{1,8}")) {
            return Optional.of(Revision.of(Integer.parseUnsignedInt(field.substring("below 0x".length()), 16)));
        }
        throw new IllegalArgumentException("RUNNING is 'any' or 'below 0x' and a revision in hex, not '" + field + "'");
    }

    private static final class Holder {
        static final EarlyOnlyRules BUILT_IN = parse(readResource(), RESOURCE);

        private static List<String> readResource() {
            try (InputStream in = EarlyOnlyRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the driver's jar");
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
            }
        }
    }
}
