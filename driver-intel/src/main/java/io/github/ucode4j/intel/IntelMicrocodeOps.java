package io.github.ucode4j.intel;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LoadProtocol.LoadUnit;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.spi.CpuRegisters;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The Intel microcode driver, found by {@link java.util.ServiceLoader}.
 *
 * <p>Parsing reads binary files (patches back to back) and legacy {@code .dat} text, told apart by content. Every
 * rule of {@link IntelRule} is checked; {@link ParseMode#LENIENT} reports iucode_tool's strict-only rules as
 * findings instead of rejecting, and {@link ParseMode#RECOVER} scans arbitrary bytes for valid patches. Patches hold
 * read-only slices of the input (of the decoded stream for text).
 *
 * <p>Revisions compare unsigned, as the Linux and Xen loaders do ({@link Revision}). Stateless and thread-safe.
 */
public final class IntelMicrocodeOps implements MicrocodeOps {
    // SMT siblings share the microcode engine: the kernel loads one thread per core.
    private static final LoadProtocol LOAD_PROTOCOL = new LoadProtocol(Vendor.INTEL, 0x79, 48, 16, LoadUnit.PER_CORE);

    /** The driver; ServiceLoader uses this constructor. */
    public IntelMicrocodeOps() {
        // stateless
    }

    @Override
    public Vendor vendor() {
        return Vendor.INTEL;
    }

    /** A header with header and loader versions 1, or the start of {@code .dat} text. AMD containers do not pass. */
    @Override
    public boolean recognizes(ByteBuffer head) {
        return IntelParser.recognizes(head);
    }

    @Override
    public Bundle parse(ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException {
        return IntelParser.parse(data, source, mode);
    }

    /**
     * Matches on the signature (the header's or an extended entry's) and the platform flags (intersecting masks, or
     * both zero). A CPU whose platform flags are unknown matches only a mask of 0xff; otherwise the result is
     * {@link io.github.ucode4j.api.MatchStatus#PLATFORM_UNKNOWN}.
     */
    @Override
    public Match match(MicrocodePatch patch, CpuState cpu) {
        return IntelPatchMatcher.match(patch, cpu);
    }

    /**
     * Whether a late load of {@code patch} over the {@code running} revision is safe: only when the patch names a
     * minimum ({@code min_req_ver != 0}) and {@code running} is at least that minimum, compared unsigned.
     *
     * @param patch an Intel patch, as this driver parsed it
     * @param running the revision the CPU runs now
     * @return whether the late load is safe, with the values compared in words
     */
    public LateLoadSafety lateLoadSafety(MicrocodePatch patch, Revision running) {
        return LateLoadPolicy.safety(patch, running);
    }

    /**
     * Objects, first, to any late load on a CPU whose microcode must be loaded only early
     * ({@link VerdictKind#EARLY_ONLY}, an objection to the CPU: see {@link EarlyOnlyRules}). Then, when the patch
     * names a minimum revision ({@code min_req_ver}) and the CPU runs an older one
     * ({@link VerdictKind#UNSAFE_LATE_LOAD}: Linux refuses such a late load), or its revision is unknown
     * ({@link VerdictKind#REVISION_UNKNOWN}). A patch without a minimum draws no objection from that rule, as Linux
     * loads it (tainting the kernel); {@link #lateLoadSafety} still calls that load unproven.
     */
    @Override
    public Optional<LoadObjection> lateLoadObjection(MicrocodePatch patch, CpuState cpu) {
        return EarlyOnlyRules.builtIn().objection(patch, cpu).or(() -> LateLoadPolicy.objection(patch, cpu));
    }

    /** {@code intel-ucode/ff-mm-ss}, lower-case hex. */
    @Override
    public String firmwareName(CpuSignature signature) {
        return "intel-ucode/" + signature.familyModelStepping();
    }

    /** Write MSR 0x79 with the address of the data (header + 48), 16-byte aligned; one thread per core. */
    @Override
    public LoadProtocol loadProtocol() {
        return LOAD_PROTOCOL;
    }

    /** 16: several kernels required the Intel data of the early initramfs to start on 16 bytes. */
    @Override
    public int earlyCpioAlignment() {
        return 16;
    }

    /** None before family 6 model 5, which have no platform id; later CPUs' flags must be read. */
    @Override
    public Optional<SourcedFact<PlatformFlags>> platformFlagsWithoutRegisters(Optional<CpuSignature> signature) {
        return IntelRegisters.platformFlagsWithoutRegisters(signature);
    }

    /** The one flag MSR 0x17 bits 52:50 (the platform id) select. */
    @Override
    public SourcedFact<PlatformFlags> readPlatformFlags(CpuRegisters cpu) throws ApplyException {
        return IntelRegisters.readPlatformFlags(cpu);
    }

    /** Empty: an Intel CPU stores its revision in MSR 0x8B only after a write of 0 to it and CPUID. */
    @Override
    public Optional<SourcedFact<Revision>> readRevisionWithoutWriting(CpuRegisters cpu) {
        return Optional.empty();
    }

    /** Writes 0 to MSR 0x8B, executes CPUID(1), and reads the revision from the MSR's high dword. */
    @Override
    public Revision readRevision(WritableCpuRegisters cpu) throws ApplyException {
        return IntelRegisters.readRevision(cpu);
    }
}
