package io.github.ucode4j.rendezvous.simulated;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The machine a {@link SimulatedBackend} built by {@link java.util.ServiceLoader} simulates, read from system
 * properties; see {@link SimulatedBackend} for the list.
 */
final class MachineProperties {
    static final String PREFIX = "ucode4j.simulated.";

    /** A 06-9e-0a Intel CPU (Coffee Lake), platform id 1. */
    static final CpuSignature INTEL_SIGNATURE = CpuSignature.of(0x000906ea);
    static final PlatformFlags INTEL_PLATFORM_FLAGS = PlatformFlags.ofPlatformId(1);
    /** A 19-21-02 AMD CPU (Zen 3). */
    static final CpuSignature AMD_SIGNATURE = CpuSignature.of(0x00a20f12);

    private MachineProperties() {
    }

    /**
     * The machine {@code properties} describe.
     *
     * @throws IllegalArgumentException naming the property that cannot be read
     */
    static SimulatedMachine machine(Properties properties) {
        Vendor vendor = read(properties, "vendor", "intel", MachineProperties::vendor);
        Topology topology = read(properties, "topology", "1x2x2", Topology::parse);
        SimulatedMachine.Builder builder = SimulatedMachine.builder(vendor, topology)
                .seed(read(properties, "seed", "1", Long::decode))
                .latency(read(properties, "latency", "20-80", MachineProperties::latency))
                .revision(Revision.of(read(properties, "revision", vendor == Vendor.INTEL ? "0xb4" : "0x0a201009",
                        MachineProperties::hex)));
        String signature = properties.getProperty(PREFIX + "signature");
        if (signature != null) {
            builder.signature(CpuSignature.of(read(properties, "signature", signature, MachineProperties::hex)));
        }
        String flags = properties.getProperty(PREFIX + "platform-flags");
        if (flags != null) {
            builder.platformFlags(PlatformFlags.of(read(properties, "platform-flags", flags, MachineProperties::hex)));
        }
        String faults = properties.getProperty(PREFIX + "faults", "");
        for (String entry : faults.split(",")) {
            if (!entry.isBlank()) {
                addFault(builder, entry.trim());
            }
        }
        return builder.build();
    }

    private static <T> T read(Properties properties, String name, String fallback, Function<String, T> reader) {
        String text = properties.getProperty(PREFIX + name, fallback);
        try {
            return reader.apply(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + name + "=" + text + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Vendor vendor(String text) {
        return Vendor.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static int hex(String text) {
        return (int) Long.parseLong(text.toLowerCase(Locale.ROOT).replaceFirst("^0x", ""), 16);
    }

    // Microseconds: "50" or "20-80".
    private static ApplyLatency latency(String text) {
        String[] bounds = text.split("-", 2);
        Duration min = Duration.ofNanos(Long.parseLong(bounds[0].trim()) * 1000);
        Duration max = bounds.length == 1 ? min : Duration.ofNanos(Long.parseLong(bounds[1].trim()) * 1000);
        return new ApplyLatency(min, max);
    }

    // "3:refuses", "5:slow-call-in:200" (milliseconds).
    private static void addFault(SimulatedMachine.Builder builder, String entry) {
        String[] parts = entry.split(":");
        try {
            int cpu = Integer.parseInt(parts[0]);
            Fault fault = switch (parts.length > 1 ? parts[1] : "") {
                case "never-calls-in" -> Fault.neverCallsIn();
                case "slow-call-in" -> Fault.slowCallIn(Duration.ofMillis(parts.length > 2 ? Long.parseLong(parts[2]) : 100));
                case "refuses" -> Fault.refuses();
                case "hangs-in-apply" -> Fault.hangsInApply();
                case "dies-in-apply" -> Fault.diesInApply();
                default -> throw new IllegalArgumentException("unknown fault kind");
            };
            builder.fault(cpu, fault);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + "faults entry '" + entry + "' cannot be read (" + e.getMessage()
                    + "); write CPU:KIND[:MS], KIND one of never-calls-in, slow-call-in, refuses, hangs-in-apply, dies-in-apply", e);
        }
    }
}
