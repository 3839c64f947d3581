package io.github.ucode4j.rendezvous.testing;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.InputRule;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MatchStatus;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchOrigin;
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
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A made-up microcode format for tests, so that the simulated machine checks real bytes without the vendor
 * drivers: 20 bytes, little-endian, {@code "SIMU"}, signature, platform mask, revision, and a checksum that makes
 * the five words sum to zero. Registered for both vendors in the test {@code META-INF/services}.
 */
public abstract class FakeOps implements MicrocodeOps {
    private static final int MAGIC = 0x554d4953; // "SIMU"
    private static final int SIZE = 20;

    private final Vendor vendor;

    protected FakeOps(Vendor vendor) {
        this.vendor = vendor;
    }

    /** The Intel variant. */
    public static final class Intel extends FakeOps {
        public Intel() {
            super(Vendor.INTEL);
        }
    }

    /** The AMD variant. */
    public static final class Amd extends FakeOps {
        public Amd() {
            super(Vendor.AMD);
        }
    }

    /** The driver for {@code vendor}. */
    public static FakeOps of(Vendor vendor) {
        return vendor == Vendor.INTEL ? new Intel() : new Amd();
    }

    /** The bytes of a patch in this format. */
    public static byte[] bytes(CpuSignature signature, PlatformFlags flags, Revision revision) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).putInt(signature.eax()).putInt(flags.mask()).putInt(revision.value());
        buffer.putInt(-(MAGIC + signature.eax() + flags.mask() + revision.value()));
        return buffer.array();
    }

    /** A parsed patch for {@code signature} and {@code flags} that loads {@code revision}. */
    public static MicrocodePatch patch(Vendor vendor, CpuSignature signature, PlatformFlags flags, Revision revision) {
        try {
            return of(vendor).parse(ByteBuffer.wrap(bytes(signature, flags, revision)), "test").patches().get(0);
        } catch (MicrocodeFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public Vendor vendor() {
        return vendor;
    }

    @Override
    public boolean recognizes(ByteBuffer head) {
        return head.remaining() >= 4 && head.order(ByteOrder.LITTLE_ENDIAN).getInt(head.position()) == MAGIC;
    }

    @Override
    public Bundle parse(ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException {
        ByteBuffer in = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() != SIZE || in.getInt(0) != MAGIC) {
            throw new MicrocodeFormatException(InputRule.UNRECOGNIZED, source, 0, "not a 20-byte SIMU patch");
        }
        int sum = 0;
        for (int i = 0; i < SIZE; i += 4) {
            sum += in.getInt(i);
        }
        if (sum != 0) {
            throw new MicrocodeFormatException(InputRule.UNRECOGNIZED, source, 16, "checksum does not add up");
        }
        PatchTarget target = new PatchTarget(CpuSignature.of(in.getInt(4)), PlatformFlags.of(in.getInt(8)));
        MicrocodePatch patch = new MicrocodePatch(vendor, Revision.of(in.getInt(12)), Optional.empty(), List.of(target),
                Optional.empty(), in, new PatchOrigin(source, 0), () -> Map.of());
        return new Bundle(source, vendor, List.of(patch), List.of());
    }

    @Override
    public Match match(MicrocodePatch patch, CpuState cpu) {
        if (cpu.vendor().filter(v -> v == vendor).isEmpty()) {
            return Match.mismatch(MatchStatus.VENDOR_MISMATCH, "not a " + vendor + " CPU");
        }
        if (cpu.signature().filter(s -> s.equals(patch.primaryTarget().signature())).isEmpty()) {
            return Match.mismatch(MatchStatus.SIGNATURE_MISMATCH, "signature " + cpu.signature() + " differs");
        }
        PlatformFlags mask = patch.primaryTarget().platformFlags();
        if (cpu.platformFlags().filter(mask::fits).isEmpty()) {
            return Match.mismatch(MatchStatus.PLATFORM_MISMATCH, "platform " + cpu.platformFlags() + " not in " + mask);
        }
        return Match.matched(patch.primaryTarget(), "fits");
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
        return "simu/" + signature.familyModelStepping();
    }

    @Override
    public LoadProtocol loadProtocol() {
        return Machines.protocol(vendor);
    }
}
