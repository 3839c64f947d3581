package io.github.ucode4j.cli.metrics;

import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Verdict;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cli.state.LastApply;
import io.github.ucode4j.cli.state.LastApplyState;
import io.github.ucode4j.cli.state.LoadResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The metrics of one host: per CPU its signature, platform flags and running revision; the plan's verdicts and
 * whether an update is available; the backend; and the last load as {@code apply} recorded it. Every label value is
 * stable between runs (no time, no message), so each CPU is one series; a state is a label only on info-style
 * gauges of value 1, or a set of gauges of which the current one is 1. The README's metrics section documents each.
 */
public final class HostMetrics {
    private final List<MetricFamily> families = new ArrayList<>();

    /**
     * The metrics of {@code platform}, its {@code plan} (empty when the firmware could not be read), and
     * {@code lastApply}, written by {@code ucode} {@code version}.
     *
     * @param version the version of {@code ucode} that prints them
     * @param platform the machine as read: its CPUs, their signatures and revisions
     * @param plan the plan over the firmware; empty when the firmware could not be read
     * @param lastApply the record of the last load, or why there is none
     */
    public HostMetrics(String version, Platform platform, Optional<LoadPlan> plan, LastApplyState lastApply) {
        families.add(MetricFamily.gauge("ucode4j_build_info", "The version of the ucode command that wrote these metrics.")
                .sample(1, "version", version));
        families.add(MetricFamily.gauge("ucode4j_backend_info", "The backend that read the machine.")
                .sample(1, "backend", platform.backend()));
        addCpus(platform);
        addPlan(plan);
        addLastApply(lastApply);
    }

    /**
     * Prints every family with samples, one line per {@code println}.
     *
     * @param out where to print; not flushed
     */
    public void print(PrintWriter out) {
        families.forEach(family -> family.lines().forEach(out::println));
    }

    private void addCpus(Platform platform) {
        MetricFamily info = MetricFamily.gauge("ucode4j_cpu_info",
                "A logical CPU's vendor, signature (CPUID leaf 1 EAX), family-model-stepping and platform flags, where known.");
        MetricFamily revision = MetricFamily.gauge("ucode4j_cpu_microcode_revision",
                "The microcode revision a logical CPU runs (unsigned); absent where it could not be read.");
        for (PlatformCpu cpu : platform.cpus()) {
            CpuState state = cpu.state();
            String number = Integer.toString(cpu.index());
            info.sample(1, "cpu", number,
                    "vendor", state.vendor().map(v -> v.name().toLowerCase(Locale.ROOT)).orElse(""),
                    "signature", state.signature().map(CpuSignature::hex).orElse(""),
                    "family_model_stepping", state.signature().map(CpuSignature::familyModelStepping).orElse(""),
                    "platform_flags", state.platformFlags().map(Object::toString).orElse(""));
            state.revision().ifPresent(r -> revision.sample(r.unsigned(), "cpu", number));
        }
        families.add(info);
        families.add(revision);
    }

    private void addPlan(Optional<LoadPlan> plan) {
        families.add(MetricFamily.gauge("ucode4j_plan_success",
                "1 when the firmware was read and every CPU planned; 0 when it could not be (the reason is on stderr).")
                .sample(plan.isPresent()));
        MetricFamily available = MetricFamily.gauge("ucode4j_update_available",
                "1 when the firmware has a patch that a late load would put into some CPU now.");
        MetricFamily counts = MetricFamily.gauge("ucode4j_plan_cpus",
                "How many logical CPUs have each verdict of the planner (UPDATE: a patch would load; otherwise why none would).");
        MetricFamily verdicts = MetricFamily.gauge("ucode4j_cpu_verdict_info",
                "The planner's verdict for a logical CPU: UPDATE when a patch would load, otherwise why none would.");
        plan.ifPresent(p -> {
            available.sample(p.loadsAnything());
            for (VerdictKind kind : VerdictKind.values()) {
                counts.sample(p.verdicts().stream().filter(v -> v.kind() == kind).count(), "verdict", kind.name());
            }
            for (Verdict verdict : p.verdicts()) {
                verdicts.sample(1, "cpu", Integer.toString(verdict.cpu()), "verdict", verdict.kind().name());
            }
        });
        families.add(available);
        families.add(counts);
        families.add(verdicts);
    }

    private void addLastApply(LastApplyState state) {
        families.add(MetricFamily.gauge("ucode4j_last_apply_recorded",
                "1 when the state folder holds a valid record of the last load ucode apply made; 0 when none or a corrupt one.")
                .sample(state.recorded().isPresent()));
        families.add(MetricFamily.gauge("ucode4j_last_apply_state_corrupt",
                "1 when the record of the last load exists but cannot be read or is not valid (the reason is on stderr).")
                .sample(state.problem().isPresent()));
        MetricFamily time = MetricFamily.gauge("ucode4j_last_apply_timestamp_seconds", "When the last load ended, in seconds since the epoch.");
        MetricFamily success = MetricFamily.gauge("ucode4j_last_apply_success",
                "1 when every CPU the last load was to update ended where the plan wanted it.");
        MetricFamily changed = MetricFamily.gauge("ucode4j_last_apply_changed", "1 when the last load moved some CPU's revision.");
        MetricFamily result = MetricFamily.gauge("ucode4j_last_apply_result",
                "How the last load ended: the gauge of its result is 1, the others 0.");
        MetricFamily outcomes = MetricFamily.gauge("ucode4j_last_apply_cpus", "How many logical CPUs ended the last load with each outcome.");
        state.recorded().ifPresent(last -> {
            time.sample(last.endedAt().toEpochMilli() / 1000.0);
            success.sample(last.result() == LoadResult.SUCCEEDED);
            changed.sample(last.changed());
            for (LoadResult each : LoadResult.values()) {
                result.sample(last.result() == each, "result", each.name());
            }
            for (CpuOutcome outcome : CpuOutcome.values()) {
                outcomes.sample(count(last, outcome), "outcome", outcome.name());
            }
        });
        families.addAll(List.of(time, success, changed, result, outcomes));
    }

    private static long count(LastApply last, CpuOutcome outcome) {
        return last.counts().getOrDefault(outcome.name(), 0L);
    }
}
