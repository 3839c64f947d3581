package io.github.ucode4j.cli.json;

import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.rendezvous.LoadReport;

/**
 * {@code ucode apply --format=json}: the plan as {@code explain} shows it, what the command did ({@code action}:
 * {@code DRY_RUN}, {@code NOTHING_TO_DO}, {@code DECLINED} or {@code LOADED}), whether some CPU's revision moved
 * ({@code changed}), the load's report (null unless loaded), and why the record of the load could not be written
 * to the state folder ({@code state_warning}, null when it was or when nothing was loaded).
 *
 * @param plan the plan, as {@code explain} prints it
 * @param action what the command did after planning
 * @param changed whether some CPU's revision read back after the load differs from the one before; false unless loaded
 * @param report the load's report, or null unless {@code action} is {@link Action#LOADED}
 * @param stateWarning why the record of the load could not be written to the state folder; null when it was, or
 *     when nothing was loaded
 */
public record ApplyJson(ExplainJson plan, Action action, boolean changed, ReportJson report, String stateWarning) {

    /** What {@code apply} did after planning. */
    public enum Action {
        /** {@code --dry-run}: the plan was shown, nothing loaded. */
        DRY_RUN,
        /** The plan loads nothing: every CPU is up to date or has no patch. */
        NOTHING_TO_DO,
        /** Asked for confirmation, the answer was no. */
        DECLINED,
        /** The patches were loaded and the CPUs read back. */
        LOADED
    }

    /**
     * The DTO for a run that stopped after planning.
     *
     * @param plan the plan shown
     * @param action why nothing was loaded: {@link Action#DRY_RUN}, {@link Action#NOTHING_TO_DO} or
     *     {@link Action#DECLINED}
     * @return the document, unchanged and without a report
     */
    public static ApplyJson stopped(LoadPlan plan, Action action) {
        return new ApplyJson(ExplainJson.of(plan), action, false, null, null);
    }

    /**
     * The DTO for a run that loaded and keeps no record of it ({@code ucode demo}).
     *
     * @param report the load's report, which holds its plan
     * @return the document, {@link Action#LOADED}, changed when some CPU's revision moved
     */
    public static ApplyJson loaded(LoadReport report) {
        return loaded(report, null);
    }

    /**
     * The DTO for a run that loaded.
     *
     * @param report the load's report, which holds its plan
     * @param stateWarning why the record of the load could not be written; null when it was
     * @return the document, {@link Action#LOADED}, changed when some CPU's revision moved
     */
    public static ApplyJson loaded(LoadReport report, String stateWarning) {
        ReportJson json = ReportJson.of(report);
        return new ApplyJson(ExplainJson.of(report.plan()), Action.LOADED, json.changed(), json, stateWarning);
    }
}
