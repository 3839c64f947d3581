package io.github.ucode4j.cache;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MatchStatus;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.spi.CpuRegisters;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A vendor driver for the planner's tests: matches by signature and platform flags as Intel does, and objects to
 * late loads as told. The real drivers' own rules are tested in their modules.
 */
final class FakeDriver implements MicrocodeOps {
    private final Vendor vendor;
    private final BiFunction<MicrocodePatch, CpuState, Optional<LoadObjection>> objection;

    FakeDriver(Vendor vendor, BiFunction<MicrocodePatch, CpuState, Optional<LoadObjection>> objection) {
        this.vendor = vendor;
        this.objection = objection;
    }

    FakeDriver(Vendor vendor) {
        this(vendor, (p, c) -> Optional.empty());
    }

    @Override
    public Vendor vendor() {
        return vendor;
    }

    @Override
    public boolean recognizes(ByteBuffer head) {
        return false;
    }

    @Override
    public Bundle parse(ByteBuffer data, String source, ParseMode mode) {
        throw new UnsupportedOperationException("the planner's tests do not parse");
    }

    @Override
    public Match match(MicrocodePatch patch, CpuState cpu) {
        CpuSignature signature = cpu.signature().orElseThrow();
        PlatformFlags flags = cpu.platformFlags().orElse(PlatformFlags.NONE);
        List<PatchTarget> sameSignature = patch.targets().stream().filter(t -> t.signature().equals(signature)).toList();
        if (sameSignature.isEmpty()) {
            return Match.mismatch(MatchStatus.SIGNATURE_MISMATCH, "no signature " + signature.hex());
        }
        return sameSignature.stream().filter(t -> t.platformFlags().fits(flags)).findFirst()
                .map(t -> Match.matched(t, "signature and platform match"))
                .orElse(Match.mismatch(MatchStatus.PLATFORM_MISMATCH, "pf_mask " + sameSignature.get(0).platformFlags()
                        + " does not include the CPU's " + flags));
    }

    @Override
    public Optional<LoadObjection> lateLoadObjection(MicrocodePatch patch, CpuState cpu) {
        return objection.apply(patch, cpu);
    }

    @Override
    public Optional<SourcedFact<Revision>> readRevisionWithoutWriting(CpuRegisters cpu) {
        return Optional.empty();
    }

    @Override
    public Revision readRevision(WritableCpuRegisters cpu) throws ApplyException {
        throw new ApplyException("a fake driver reads no registers", "");
    }

    @Override
    public String firmwareName(CpuSignature signature) {
        return vendor == Vendor.INTEL ? "intel-ucode/" + signature.familyModelStepping()
                : "amd-ucode/microcode_amd_fam" + String.format("%02x", signature.family()) + "h.bin";
    }

    @Override
    public LoadProtocol loadProtocol() {
        return MicrocodeDrivers.load().forVendor(vendor).orElseThrow().loadProtocol();
    }
}
