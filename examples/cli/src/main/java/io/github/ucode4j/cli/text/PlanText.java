package io.github.ucode4j.cli.text;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cli.Display;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Prints a plan for people: the machine, then a verdict per CPU with its reason, then the plan's findings. */
public final class PlanText {
    private PlanText() {
    }

    /**
     * Prints {@code plan}.
     *
     * @param plan the plan, with the machine it was made for
     * @param out where to print, a line per {@code println}
     */
    public static void print(LoadPlan plan, PrintWriter out) {
        PlatformText.print(plan.platform(), out);
        out.println();
        TextTable table = new TextTable("CPU", "VERDICT", "PATCH", "REASON");
        Map<VerdictKind, Long> counts = new EnumMap<>(VerdictKind.class);
        for (Verdict verdict : plan.verdicts()) {
            table.row(verdict.cpu(), verdict.kind(), verdict.patch().map(MicrocodePatch::revision).map(Object::toString).orElse("-"),
                    verdict.reason());
            counts.merge(verdict.kind(), 1L, Long::sum);
        }
        table.print(out);
        plan.findings().forEach(finding -> out.println(finding.severity().name().toLowerCase(Locale.ROOT) + ": "
                + finding.message()));
        out.println("plan: " + Display.counts(counts) + (plan.loadsAnything() ? "" : "; nothing to load"));
    }
}
