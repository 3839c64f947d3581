package io.github.ucode4j.cli.command;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cli.CommandBase;
import io.github.ucode4j.cli.DemoFirmware;
import io.github.ucode4j.cli.Display;
import io.github.ucode4j.cli.ExitCode;
import io.github.ucode4j.cli.json.ApplyJson;
import io.github.ucode4j.cli.json.Json;
import io.github.ucode4j.cli.json.JsonSchema;
import io.github.ucode4j.cli.option.FormatOption;
import io.github.ucode4j.cli.text.PlanText;
import io.github.ucode4j.cli.text.ReportText;
import io.github.ucode4j.rendezvous.LateLoader;
import io.github.ucode4j.rendezvous.LateLoaderOptions;
import io.github.ucode4j.rendezvous.LoadReport;
import io.github.ucode4j.rendezvous.PatchSource;
import io.github.ucode4j.rendezvous.simulated.ApplyLatency;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import io.github.ucode4j.rendezvous.simulated.SimulatedMachine;
import io.github.ucode4j.rendezvous.simulated.Topology;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ucode demo}: the whole late-load job on a simulated machine, on any computer, without root. */
@Command(name = "demo", description = {"Run the whole late-load job on a simulated machine.",
    "Generated firmware, the plan, the rendezvous of every CPU, the load, the read-back report and the time the "
        + "machine was held. Needs no root and touches no real CPU."})
public final class DemoCommand extends CommandBase {
    // Each load spins for this long, as a real one keeps its CPU busy; a few tens of microseconds is typical.
    private static final ApplyLatency LOAD_TIME = new ApplyLatency(Duration.ofNanos(20_000), Duration.ofNanos(80_000));

    @Option(names = "--topology", paramLabel = "SxCxT", defaultValue = "1x4x2", converter = TopologyConverter.class,
            description = "Sockets x cores per socket x threads per core. Default: ${DEFAULT-VALUE}.")
    Topology topology;

    @Option(names = "--vendor", paramLabel = "VENDOR", defaultValue = "intel", description = "intel or amd. Default: ${DEFAULT-VALUE}.")
    Vendor vendor;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the load times and the generated patch, so that a run replays. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        MicrocodeDrivers drivers = MicrocodeDrivers.load();
        DemoFirmware firmware = DemoFirmware.forVendor(vendor);
        ByteBuffer file = firmware.generate(seed);
        Bundle generated = firmware.parse(drivers, file);
        SimulatedMachine machine = SimulatedMachine.builder(vendor, topology).signature(firmware.signature())
                .platformFlags(firmware.platformFlags()).revision(firmware.running()).latency(LOAD_TIME).seed(seed)
                .ops(firmware.driver(drivers))
                .build();
        if (!format.json()) {
            describe(firmware, generated);
        }
        Path runDirectory = Files.createTempDirectory("ucode-demo");
        try (SimulatedBackend backend = new SimulatedBackend(machine)) {
            LateLoader loader = new LateLoader(backend, drivers, LateLoaderOptions.DEFAULTS.withRunDirectory(runDirectory));
            MicrocodeCache cache = MicrocodeCache.builder().add(generated).build();
            LoadPlan plan = loader.plan(cache, PlanPolicy.SAFE);
            if (!format.json()) {
                PlanText.print(plan, out());
                out().println();
            }
            LoadReport report = loader.load(plan, PatchSource.of(cache));
            if (format.json()) {
                Json.print(out(), JsonSchema.DEMO, ApplyJson.loaded(report));
            } else {
                ReportText.print(report, out());
            }
            return report.succeeded() ? ExitCode.OK : ExitCode.APPLY_FAILED;
        } finally {
            deleteTree(runDirectory);
        }
    }

    private void describe(DemoFirmware firmware, Bundle generated) {
        out().println("simulated " + topology + " " + Display.vendor(vendor) + " machine (" + topology.cpuCount()
                + " logical CPUs), signature " + firmware.signature() + ", running revision " + firmware.running());
        out().println("generated firmware: " + generated.source() + ", revision " + firmware.newer());
        out().println();
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Reads {@code SxCxT}. */
    static final class TopologyConverter implements ITypeConverter<Topology> {
        @Override
        public Topology convert(String text) {
            return Topology.parse(text);
        }
    }
}
