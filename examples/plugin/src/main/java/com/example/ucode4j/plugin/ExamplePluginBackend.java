package com.example.ucode4j.plugin;

import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.SystemBackend;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A third party's apply backend, as small as one can be: always available, used only when named
 * ({@code --backend=example-plugin} or {@code -Ducode4j.backend=example-plugin}), it reports a fixed one-CPU Intel
 * machine and records every blob it is handed without changing anything.
 */
public final class ExamplePluginBackend implements SystemBackend {
    /** The name to select it by. */
    public static final String NAME = "example-plugin";

    /** The one CPU it reports: an Intel 06-a5-05, platform flags 0x02, running revision 0xb4. */
    public static final CpuState CPU = new CpuState(Optional.of(Vendor.INTEL), Optional.of(CpuSignature.of(0x000a0655)),
            Optional.of(PlatformFlags.of(0x02)), Optional.of(Revision.of(0xb4)));

    // Static: ServiceLoader makes a new instance for every discovery, and a caller wants to see what any of them got.
    private static final List<Handed> HANDED = new CopyOnWriteArrayList<>();

    /**
     * What one {@link #applySystem} call was given.
     *
     * @param bytes a copy of the blob
     * @param options the options it came with
     */
    public record Handed(byte[] bytes, ApplyOptions options) {
    }

    /** The constructor ServiceLoader calls; it touches nothing. */
    public ExamplePluginBackend() {
    }

    /** Every call to {@link #applySystem} so far, by any instance, oldest first. */
    public static List<Handed> handed() {
        return List.copyOf(HANDED);
    }

    /** Forgets what was handed so far. */
    public static void forget() {
        HANDED.clear();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Never chosen on its own: it changes no CPU. */
    @Override
    public boolean autoSelectable() {
        return false;
    }

    @Override
    public Platform platform() {
        String source = "fixed by the example plugin";
        Map<Fact, String> sources = Map.of(Fact.VENDOR, source, Fact.SIGNATURE, source, Fact.PLATFORM_FLAGS, source,
                Fact.REVISION, source, Fact.TOPOLOGY, source);
        PlatformCpu cpu = new PlatformCpu(LogicalCpu.alone(0, 0, 0), CPU, sources);
        return new Platform(NAME, List.of(cpu), Optional.of(false), List.of());
    }

    @Override
    public SystemResult applySystem(ByteBuffer blob, ApplyOptions options) {
        byte[] copy = new byte[blob.remaining()];
        blob.duplicate().get(copy);
        HANDED.add(new Handed(copy, options));
        return new SystemResult(SystemOutcome.NOT_PERMITTED, OptionalInt.empty(),
                "the example plugin recorded " + copy.length + " bytes and changes no CPU");
    }
}
