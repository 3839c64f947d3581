package io.github.ucode4j.amd;

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
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.api.VerdictKind;
import io.github.ucode4j.api.spi.CpuRegisters;
import io.github.ucode4j.api.spi.MicrocodeOps;
import io.github.ucode4j.api.spi.ParseMode;
import io.github.ucode4j.api.spi.SourcedFact;
import io.github.ucode4j.api.spi.WritableCpuRegisters;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The AMD driver, registered with {@link java.util.ServiceLoader}. Stateless and thread-safe.
 *
 * <p>Modes: {@link ParseMode#STRICT} rejects everything {@link AmdRule} lists as an error;
 * {@link ParseMode#LENIENT} reports the strict-only rules as findings (and drops a pre-Zen patch no table entry
 * maps, which no loader could match); {@link ParseMode#RECOVER} also reports broken containers and resumes at the
 * next magic.
 */
public final class AmdMicrocodeOps implements MicrocodeOps {
    private static final System.Logger LOG = System.getLogger(AmdMicrocodeOps.class.getName());

    // Patch levels after which AMD allows no update (family 0x10 parts); the kernel checks the same three.
    private static final Set<Integer> FINAL_LEVELS = Set.of(0x01000098, 0x0100009f, 0x010000af);
    // MSR_AMD64_PATCH_LEVEL: the running revision is its low dword.
    private static final long PATCH_LEVEL_MSR = 0x8B;
    // Every thread loads, as the kernel's AMD loader does.
    private static final LoadProtocol LOAD_PROTOCOL = new LoadProtocol(Vendor.AMD, 0xC0010020L, 0, 16, LoadUnit.PER_THREAD);

    /** The driver; {@link java.util.ServiceLoader} calls this. */
    public AmdMicrocodeOps() {
        // stateless
    }

    @Override
    public Vendor vendor() {
        return Vendor.AMD;
    }

    /**
     * Whether {@code head} starts with the container magic {@code 0x00414d44}, or is the header of a raw patch (one
     * patch without a container; see {@link RawPatchShape} for what vouches for one).
     */
    @Override
    public boolean recognizes(ByteBuffer head) {
        return startsWithMagic(head) || RawPatchShape.matches(head);
    }

    private static boolean startsWithMagic(ByteBuffer head) {
        return head.remaining() >= 4
                && head.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(head.position()) == ContainerFormat.MAGIC;
    }

    @Override
    public Bundle parse(ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException {
        return parseContainers(data, source, mode).toBundle();
    }

    /**
     * As {@link #parse(ByteBuffer, String, ParseMode)}, keeping the containers and their equivalence tables. An input
     * whose first bytes are the header of a raw patch rather than a container's magic is read as that one patch.
     *
     * @param data the input; its position and limit are not changed
     * @param source the input's name, used in findings and errors
     * @param mode how strictly to check
     * @return the containers and findings
     * @throws MicrocodeFormatException naming the source, the offset and the {@link AmdRule} broken
     */
    public ParsedContainers parseContainers(ByteBuffer data, String source, ParseMode mode)
            throws MicrocodeFormatException {
        boolean raw = !startsWithMagic(data) && RawPatchShape.matches(data);
        ParsedContainers parsed = raw ? RawPatchParser.parse(data, source, mode) : AmdContainerParser.parse(data, source, mode);
        LOG.log(Level.DEBUG, () -> source + ": AMD " + (raw ? "raw patch" : parsed.containers().size() + " containers") + ", read "
                + mode + ", " + parsed.patches().size() + " patches");
        return parsed;
    }

    @Override
    public Match match(MicrocodePatch patch, CpuState cpu) {
        return AmdMatcher.match(patch, cpu);
    }

    /** {@code amd-ucode/microcode_amd.bin} below family 0x15, else {@code amd-ucode/microcode_amd_fam%02xh.bin}. */
    @Override
    public String firmwareName(CpuSignature signature) {
        int family = signature.family();
        return family < 0x15 ? "amd-ucode/microcode_amd.bin" : String.format("amd-ucode/microcode_amd_fam%02xh.bin", family);
    }

    /** Write MSR 0xC0010020 with the patch header's address, 16-byte aligned, on every thread. */
    @Override
    public LoadProtocol loadProtocol() {
        return LOAD_PROTOCOL;
    }

    /** MSR 0x8B (PATCH_LEVEL), low dword: a plain read. */
    @Override
    public Optional<SourcedFact<Revision>> readRevisionWithoutWriting(CpuRegisters cpu) throws ApplyException {
        return Optional.of(new SourcedFact<>(readPatchLevel(cpu), "MSR 0x8B (low dword)"));
    }

    /** The same plain read of MSR 0x8B: an AMD CPU needs no write to tell its revision. */
    @Override
    public Revision readRevision(WritableCpuRegisters cpu) throws ApplyException {
        return readPatchLevel(cpu);
    }

    private static Revision readPatchLevel(CpuRegisters cpu) throws ApplyException {
        return Revision.of((int) cpu.readMsr(PATCH_LEVEL_MSR));
    }

    /**
     * What forbids loading {@code patch} late on {@code cpu}, in the order the loaders check: a final patch level
     * (the kernel disables its loader), the Entrysign digest check, the other side of the Entrysign cutoff, and the
     * minimum running revision the patch declares (Xen refuses it with ENXIO).
     */
    @Override
    public Optional<LoadObjection> lateLoadObjection(MicrocodePatch patch, CpuState cpu) {
        Optional<Revision> running = cpu.revision();
        if (running.isPresent() && FINAL_LEVELS.contains(running.get().value())) {
            return Optional.of(new LoadObjection(VerdictKind.FINAL_LEVEL, "the CPU runs final patch level " + running.get()
                    + "; AMD allows no further update, and Linux disables its loader on such a CPU"));
        }
        DigestCheck digest = digestCheck(patch, cpu);
        if (!digest.loads()) {
            return Optional.of(new LoadObjection(VerdictKind.DIGEST_UNKNOWN, digest.reason()));
        }
        Optional<String> otherSide = EntrysignSelection.otherSideOfCutoff(patch, cpu, DigestChecker.builtIn());
        if (otherSide.isPresent()) {
            return Optional.of(new LoadObjection(VerdictKind.DIGEST_UNKNOWN, otherSide.get()));
        }
        return patch.minimumRevision()
                .filter(minimum -> running.isPresent() && minimum.isNewerThan(running.get()))
                .map(minimum -> new LoadObjection(VerdictKind.UNSAFE_LATE_LOAD, "patch " + patch.revision()
                        + " requires running revision " + minimum + " or later; this CPU runs " + running.get()));
    }

    /**
     * One container holding {@code patches} under a combined equivalence table, as the kernel reads AMD files; raw
     * patches get the entries they were read with (see {@link AmdContainerWriter#merge(List)}).
     */
    @Override
    public ByteBuffer firmwareFile(List<MicrocodePatch> patches) {
        return AmdContainerWriter.merge(patches);
    }

    /**
     * The Entrysign digest check of {@code patch} for {@code cpu}, with the lists Linux and Xen carry.
     *
     * @param patch an AMD patch, as this driver parsed it
     * @param cpu the CPU it would be loaded on; its signature or revision may be unknown
     * @return the verdict with its reason, as {@link DigestChecker#check} gives it
     */
    public DigestCheck digestCheck(MicrocodePatch patch, CpuState cpu) {
        return DigestChecker.builtIn().check(patch, cpu);
    }
}
