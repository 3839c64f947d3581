package com.example.ucode4j.embedding;

import io.github.ucode4j.api.ApplyBackends;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeException;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.cache.LoadPlan;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.Planner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Lists a firmware directory and explains, CPU by CPU, what this machine would load from it and why. */
public final class ExplainFirmware {
    public static void main(String[] args) throws IOException, MicrocodeException {
        Path firmware = Path.of(args.length > 0 ? args[0] : "/lib/firmware");
        MicrocodeDrivers drivers = MicrocodeDrivers.load();
        MicrocodeCache.Builder cache = MicrocodeCache.builder();
        for (Path directory : new Path[] {firmware.resolve("intel-ucode"), firmware.resolve("amd-ucode")}) {
            try (Stream<Path> files = Files.isDirectory(directory) ? Files.list(directory) : Stream.empty()) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
                    Optional<MicrocodeOps> driver = drivers.recognize(data);
                    if (driver.isPresent()) {
                        cache.add(driver.get().parse(data, file.toString()));
                    }
                }
            }
        }
        MicrocodeCache patches = cache.build();
        System.out.printf("%d patches in %s%n", patches.patches().size(), firmware);
        LoadPlan plan = new Planner(drivers).plan(ApplyBackends.load().select().platform(), patches, PlanPolicy.SAFE);
        plan.verdicts().forEach(v -> System.out.printf("CPU %d: %s: %s%n", v.cpu(), v.kind(), v.reason()));
        plan.findings().forEach(f -> System.out.println(f.message()));
    }
}
