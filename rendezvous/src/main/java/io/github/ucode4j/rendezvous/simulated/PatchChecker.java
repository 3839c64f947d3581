package io.github.ucode4j.rendezvous.simulated;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.MicrocodeOps;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a simulated CPU checks before it takes a patch, as a real one checks the signature and checksum: the
 * vendor's driver must parse the bytes without error, and must match the patch the bytes hold to the CPU.
 * Parsing is done once per patch, ideally in {@code prepare}, before the stopped window.
 */
final class PatchChecker {
    private final Vendor vendor;
    private final Optional<MicrocodeOps> injected;
    private final Map<MicrocodePatch, Parsed> parsed = new ConcurrentHashMap<>();
    private volatile Optional<MicrocodeOps> found;

    /**
     * @param vendor the machine's vendor
     * @param injected the driver to use; when empty, the vendor's driver found with {@link MicrocodeDrivers}
     */
    PatchChecker(Vendor vendor, Optional<MicrocodeOps> injected) {
        this.vendor = vendor;
        this.injected = injected;
    }

    /** The vendor's driver; found lazily, since a backend's constructor must stay cheap. */
    Optional<MicrocodeOps> ops() {
        if (injected.isPresent()) {
            return injected;
        }
        Optional<MicrocodeOps> ops = found;
        if (ops == null) {
            ops = MicrocodeDrivers.load().forVendor(vendor);
            found = ops;
        }
        return ops;
    }

    /** Why no patch can be checked, when the vendor's driver is missing. */
    Optional<String> unavailableReason() {
        return ops().isPresent() ? Optional.empty() : Optional.of("no " + vendor + " microcode driver on the class path: add "
                + "ucode4j-driver-" + vendor.name().toLowerCase(Locale.ROOT) + ", or give the simulated machine one");
    }

    /** Parses {@code patch}'s bytes now, so that {@link #check} need not. */
    void prepare(MicrocodePatch patch) {
        parse(patch);
    }

    /**
     * Whether {@code patch} may load on a CPU in state {@code cpu}: the patch the bytes hold, or why not.
     */
    Result check(MicrocodePatch patch, CpuState cpu) {
        Parsed result = parse(patch);
        if (result.patch().isEmpty()) {
            return Result.rejected(result.problem());
        }
        MicrocodePatch held = result.patch().get();
        Match match = ops().orElseThrow().match(held, cpu);
        return match.matches() ? new Result(Optional.of(held), "matches") : Result.rejected(match.status() + ": " + match.reason());
    }

    private Parsed parse(MicrocodePatch patch) {
        return parsed.computeIfAbsent(patch, this::parseNow);
    }

    private Parsed parseNow(MicrocodePatch patch) {
        Optional<MicrocodeOps> ops = ops();
        if (ops.isEmpty()) {
            return new Parsed(Optional.empty(), unavailableReason().orElseThrow());
        }
        try {
            // The loader gets the patch as the vendor's file holds it: an AMD patch only parses inside a container.
            Bundle bundle = ops.get().parse(ops.get().firmwareFile(List.of(patch)), "simulated load of " + patch.origin());
            return bundle.patches().size() == 1
                    ? new Parsed(Optional.of(bundle.patches().get(0)), "parsed")
                    : new Parsed(Optional.empty(), "the bytes hold " + bundle.patches().size() + " patches, not one");
        } catch (MicrocodeFormatException e) {
            return new Parsed(Optional.empty(), "the bytes do not parse: " + e.getMessage());
        }
    }

    private record Parsed(Optional<MicrocodePatch> patch, String problem) {
    }

    /**
     * A check's outcome.
     *
     * @param accepted the patch the bytes hold, when the CPU takes it
     * @param reason why not, when it does not
     */
    record Result(Optional<MicrocodePatch> accepted, String reason) {
        static Result rejected(String reason) {
            return new Result(Optional.empty(), reason);
        }
    }
}
