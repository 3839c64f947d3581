package com.example.ucode4j.embedding;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.MicrocodeException;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.Planner;
import io.github.ucode4j.cache.input.MicrocodeInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Lists a firmware directory and explains, CPU by CPU, what this machine would load from it and why. */
public final class ExplainFirmware {
    public static void main(String[] args) throws IOException, MicrocodeException {
        Path firmware = Path.of(args.length > 0 ? args[0] : "/lib/firmware");
        MicrocodeInputs inputs = MicrocodeInputs.withInstalledDrivers();              // the drivers on the class path
        MicrocodeCache cache = MicrocodeCache.builder()
                .addAll(inputs.readFirmware(List.of(firmware), System.err::println))  // intel-ucode/, amd-ucode/
                .build();
        System.out.printf("%d patches in %s%n", cache.patches().size(), firmware);
        ApplyBackend backend = ApplyBackends.load().selectForReading();              // planning only reads the machine
        LoadPlan plan = new Planner(inputs.drivers()).plan(backend.platform(), cache, PlanPolicy.SAFE);
        plan.verdicts().forEach(v -> System.out.printf("CPU %d: %s: %s%n", v.cpu(), v.kind(), v.reason()));
        plan.findings().forEach(f -> System.out.println(f.message()));
    }
}
