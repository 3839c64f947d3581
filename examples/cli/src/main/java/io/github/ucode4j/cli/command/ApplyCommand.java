package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.cache.IoMessages;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import io.github.ucode4j.cli.BuildInfo;
import io.github.ucode4j.cli.CliFailure;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.DeferredSignals;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.ApplyJson;
import io.github.ucode4j.cli.json.ApplyJson.Action;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.option.BackendOption;
import io.github.ucode4j.cli.option.ChosenBackend;
import io.github.ucode4j.cli.option.DetailedExitCodeOption;
import io.github.ucode4j.cli.option.FirmwareOption;
import io.github.ucode4j.cli.option.FormatOption;
import io.github.ucode4j.cli.option.StateDirectoryOption;
import io.github.ucode4j.cli.state.LastApply;
import io.github.ucode4j.cli.state.StateDirectory;
import io.github.ucode4j.cli.text.PlanText;
import io.github.ucode4j.cli.text.ReportText;
import io.github.ucode4j.rendezvous.LateLoader;
import io.github.ucode4j.rendezvous.LateLoaderOptions;
import io.github.ucode4j.rendezvous.LoadReport;
import io.github.ucode4j.rendezvous.PatchSource;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ucode apply}: plans, shows the plan, asks, loads, and reports what every CPU runs now. */
@Command(name = "apply", description = {"Load the newest suitable patch into every CPU.",
    "Prints the plan, asks for confirmation (unless --yes), loads, reads every CPU back and prints the report.",
    "Under the host-wide lock, just before loading, the firmware files and the CPUs are read again: if either changed "
        + "since the plan was shown, nothing is loaded.",
    "The host-wide lock lives in the directory the system property " + ApplyCommand.RUN_DIRECTORY_PROPERTY
        + " names (default /run/ucode4j).",
    "SIGINT or SIGTERM during the load is held until the load is over and its report printed; the command then says "
        + "so and exits with 130 (SIGINT) or 143 (SIGTERM), unless the load was refused (then the refusal's code "
        + "stands). Before the load, while planning or asking, they stop it as usual.",
    "After every load, whatever its outcome, the record of it (" + StateDirectory.LAST_APPLY + ": result, CPU outcomes, "
        + "revisions before and after, time, ucode's version) replaces the previous one in --state-dir, which the "
        + "metrics of status and explain read. A record that cannot be written is a warning, not a failure of the load."})
public final class ApplyCommand extends CommandBase {
    /** The system property naming the directory of the host-wide load lock. */
    public static final String RUN_DIRECTORY_PROPERTY = "ucode4j.run-dir";

    @Mixin
    BackendOption backendOption;

    @Mixin
    FirmwareOption firmware;

    @Option(names = "--dry-run", description = "Print the plan and stop; nothing is changed.")
    boolean dryRun;

    @Option(names = "--force", description = "Reload even where the CPU already runs the same or a newer revision.")
    boolean force;

    @Option(names = "--yes", description = "Do not ask for confirmation (required when there is no terminal to ask on).")
    boolean yes;

    @Mixin
    FormatOption format;

    @Mixin
    DetailedExitCodeOption exitCodes;

    @Mixin
    StateDirectoryOption stateDirectory;

    @Override
    public Integer call() throws Exception {
        MicrocodeInputs inputs = MicrocodeInputs.withInstalledDrivers();
        try (ChosenBackend backend = backendOption.select()) {
            LoadPlan plan = backend.plan(inputs, firmware, this::warn, new PlanPolicy(force, false));
            if (!format.json()) {
                PlanText.print(plan, out());
            }
            if (dryRun) {
                return stopped(plan, Action.DRY_RUN, "dry run: nothing was changed");
            }
            if (!plan.loadsAnything()) {
                return stopped(plan, Action.NOTHING_TO_DO, null);
            }
            if (!yes && !confirmed()) {
                return stopped(plan, Action.DECLINED, "nothing was changed");
            }
            return loadAndReport(backend.backend(), inputs, plan);
        }
    }

    // A run that changed nothing: its JSON document, or the line that says why (none when the plan said it).
    private int stopped(LoadPlan plan, Action action, String line) {
        if (format.json()) {
            Json.print(out(), JsonSchema.APPLY, ApplyJson.stopped(plan, action));
        } else if (line != null) {
            out().println(line);
        }
        return ExitCode.OK;
    }

    // From the lock to the printed report SIGINT and SIGTERM wait: the load's deadlines bound it, and a load must not
    // be cut off from its report. Then the command exits with the signal's code.
    private int loadAndReport(ApplyBackend backend, MicrocodeInputs inputs, LoadPlan plan) throws Exception {
        DeferredSignals signals = DeferredSignals.hold(this::warn);
        int status;
        try {
            if (!format.json()) {
                out().println();
            }
            LoadReport report = load(backend, inputs, plan);
            ApplyJson json = ApplyJson.loaded(report, record(report).orElse(null));
            if (format.json()) {
                Json.print(out(), JsonSchema.APPLY, json);
            } else {
                ReportText.print(report, out());
            }
            status = report.succeeded() ? exitCodes.success(json.changed()) : ExitCode.APPLY_FAILED;
        } finally {
            out().flush();
            signals.release();
            signals.arrived().ifPresent(signal -> error(signal + " arrived during the load; ucode held it until the load was over"));
        }
        return signals.exitCode().orElse(status);
    }

    // The load has happened whatever the record's fate: a record that cannot be written is a warning, in the JSON too.
    private Optional<String> record(LoadReport report) {
        StateDirectory directory = stateDirectory.stateDirectory();
        try {
            directory.recordLastApply(LastApply.of(report, Instant.now(), BuildInfo.read().version()));
            return Optional.empty();
        } catch (IOException e) {
            String warning = "the record of this load could not be written to " + directory.lastApplyFile() + ": "
                    + IoMessages.describe(e);
            warn(warning);
            return Optional.of(warning);
        }
    }

    private LoadReport load(ApplyBackend backend, MicrocodeInputs inputs, LoadPlan plan) throws Exception {
        Path runDirectory = Path.of(System.getProperty(RUN_DIRECTORY_PROPERTY, LateLoaderOptions.DEFAULTS.runDirectory().toString()));
        LateLoader loader = new LateLoader(backend, inputs.drivers(), LateLoaderOptions.DEFAULTS.withRunDirectory(runDirectory));
        try {
            return loader.load(plan, firmwareReadAgain(inputs));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.APPLY_FAILED, "the load ran but the CPUs could not be read back: " + IoMessages.describe(e));
        }
    }

    // The files as they are when the lock is taken: a package upgrade while the plan was shown refuses the load. Their
    // warnings (files that are not microcode) were printed when planning.
    private PatchSource firmwareReadAgain(MicrocodeInputs inputs) {
        return () -> firmware.cache(inputs, alreadyWarned -> { });
    }

    // Asks on the terminal; without one there is nobody to ask, and applying unasked needs --yes.
    private boolean confirmed() {
        Console console = System.console();
        if (console == null) {
            throw new CliFailure(ExitCode.USAGE, "refusing to apply without confirmation: there is no terminal to ask on; "
                    + "pass --yes to apply unattended");
        }
        out().flush();
        String answer = console.readLine("Load these patches now? [y/N] ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
