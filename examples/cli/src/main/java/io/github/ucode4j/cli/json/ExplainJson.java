package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.Finding;
import io.github.ucode4j.cache.LoadPlan;
import java.util.List;

/**
 * {@code ucode explain --format=json}: the machine as {@code status} shows it, one verdict per CPU, the plan's
 * findings (mixed steppings, revisions that differ), and whether the plan would load anything.
 *
 * @param platform the machine the plan was made for, as {@code status} shows it
 * @param verdicts one verdict per CPU, in CPU order
 * @param findings what the planner noticed about the machine as a whole, in words
 * @param loadsAnything whether applying the plan would load a patch on some CPU
 */
public record ExplainJson(StatusJson platform, List<VerdictJson> verdicts, List<String> findings, boolean loadsAnything) {

    /**
     * The DTO for {@code plan}.
     *
     * @param plan the plan, with the machine it was made for
     * @return the document: the machine, a verdict per CPU, the findings, and whether anything would be loaded
     */
    public static ExplainJson of(LoadPlan plan) {
        return new ExplainJson(StatusJson.of(plan.platform()), plan.verdicts().stream().map(VerdictJson::of).toList(),
                plan.findings().stream().map(Finding::toString).toList(), plan.loadsAnything());
    }
}
