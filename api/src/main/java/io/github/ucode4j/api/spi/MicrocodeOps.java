package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A vendor's microcode driver: parses and checks its files, matches patches to CPUs, knows how its CPUs tell their
 * platform flags and revision and how they load, and where its files go. Everything vendor-specific lives behind
 * this table, as in the Linux and Xen vendor drivers; revision order is {@link Revision}'s and the load rule
 * {@link Vendor}'s, the same for every vendor. Found with {@link java.util.ServiceLoader}; see
 * {@link io.github.ucode4j.api.MicrocodeDrivers}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface MicrocodeOps {

    /**
     * The vendor this driver serves.
     *
     * @return the vendor whose files and CPUs this driver handles, never null
     */
    Vendor vendor();

    /**
     * A cheap look at the first bytes of an input (up to 64, fewer when the input is shorter): whether this
     * driver's parser is the one to try. Never throws; does not check the data.
     *
     * @param head up to the input's first 64 bytes, little-endian, positioned at the input's start; the driver may move
     *     its position
     * @return {@code true} when the data starts like this vendor's format, {@code false} otherwise, whatever the bytes
     */
    boolean recognizes(ByteBuffer head);

    /**
     * Parses {@code data} in {@link ParseMode#STRICT} mode.
     *
     * @param data the input, from its position to its limit; neither is changed
     * @param source the input's name, used in findings and errors
     * @return the patches, in input order, and the findings that did not reject the input
     * @throws MicrocodeFormatException naming the source, the offset and the rule broken, when any rule is broken that
     *     is not a warning
     */
    default Bundle parse(ByteBuffer data, String source) throws MicrocodeFormatException {
        return parse(data, source, ParseMode.STRICT);
    }

    /**
     * Parses and checks every patch in {@code data}, from its position to its limit. Patches hold read-only
     * slices of {@code data}, not copies. Total: for any bytes it returns or throws
     * {@link MicrocodeFormatException}, and nothing else.
     *
     * @param data the input; its position and limit are not changed
     * @param source the input's name, used in findings and errors
     * @param mode how strictly to check
     * @return the patches, in input order, and the findings the mode kept
     * @throws MicrocodeFormatException naming the source, the offset and the rule broken
     */
    Bundle parse(ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException;

    /**
     * Whether {@code patch} fits a CPU in state {@code cpu}, and why or why not. Ignores the revision.
     *
     * @param patch a patch this driver parsed; not null
     * @param cpu what is known of the CPU; unknown facts give a mismatch that says what was missing
     * @return a match naming the target that fits, or the status and reason of the mismatch
     */
    Match match(MicrocodePatch patch, CpuState cpu);

    /**
     * Whether a vendor rule beyond matching and revision order forbids loading {@code patch} late on a CPU in state
     * {@code cpu}: Intel's minimum required revision, AMD's digest allow-list or final patch level, microcode that
     * must only be loaded early. Called for a patch that matches the CPU and is newer by the vendor's rule, and, when
     * a reload is forced, for the newest matching patch, of which only an objection to the CPU
     * ({@link LoadObjection.Scope#CPU}) then counts. The default knows no such rule.
     *
     * @param patch a patch that matches the CPU; not null
     * @param cpu what is known of the CPU, its running revision included when read; not null
     * @return the objection, or empty when no vendor rule forbids the late load
     */
    default Optional<LoadObjection> lateLoadObjection(MicrocodePatch patch, CpuState cpu) {
        return Optional.empty();
    }

    /**
     * The path under the firmware directory where the kernel looks for this signature's patches:
     * {@code intel-ucode/06-55-04}, {@code amd-ucode/microcode_amd_fam19h.bin}.
     *
     * @param signature the CPU's signature; not null
     * @return a relative path with forward slashes, never starting with one
     */
    String firmwareName(CpuSignature signature);

    /**
     * The bytes of one firmware file holding {@code patches} in the given order, as the kernel's loader reads it
     * (and as {@link #parse} reads it back). The default concatenates the patches' bytes, which is Intel's format;
     * a vendor whose files wrap patches in a container (AMD) overrides it.
     *
     * @param patches the patches to put in the file, all of this vendor; may be empty
     * @return a new buffer, positioned at 0, holding the file's bytes
     */
    default ByteBuffer firmwareFile(List<MicrocodePatch> patches) {
        ByteBuffer file = ByteBuffer.allocate(Math.toIntExact(patches.stream().mapToLong(MicrocodePatch::size).sum()));
        patches.forEach(p -> file.put(p.bytes()));
        return file.flip();
    }

    /**
     * The path of this vendor's file in an early-load initramfs: {@code kernel/x86/microcode/GenuineIntel.bin}.
     *
     * @return a relative path in the archive, never starting with a slash
     */
    default String earlyCpioPath() {
        return "kernel/x86/microcode/" + vendor().cpuidName() + ".bin";
    }

    /**
     * The boundary, in bytes, on which the data of this vendor's file in an early-load initramfs must start (a power
     * of two). The default, 4, is the boundary every entry's data in a {@code newc} cpio archive has anyway: it asks
     * for nothing more.
     *
     * @return the alignment in bytes, a power of two, 4 or more
     */
    default int earlyCpioAlignment() {
        return 4;
    }

    /**
     * The platform flags of a CPU of this vendor when no register is needed to know them, with why: none on a CPU
     * without a platform id. Empty when they must be read ({@link #readPlatformFlags}). The default is the rule of
     * a vendor whose CPUs have no platform id.
     *
     * @param signature the CPU's signature, empty when it is unknown
     * @return the CPU's platform flags with why, or empty when they must be read from a register
     */
    default Optional<SourcedFact<PlatformFlags>> platformFlagsWithoutRegisters(Optional<CpuSignature> signature) {
        return Optional.of(noPlatformId());
    }

    /**
     * Reads the platform flags of the CPU whose registers are {@code cpu}, with the register they come from, as
     * Linux's {@code collect_cpu_info} does; called where {@link #platformFlagsWithoutRegisters} does not know them.
     * The default, for a vendor whose CPUs have no platform id, reads nothing: a driver whose CPUs have platform
     * flags overrides both.
     *
     * @param cpu the registers of the CPU to read; not null
     * @return the CPU's platform flags, with the register they were read from
     * @throws ApplyException when a register cannot be read
     */
    default SourcedFact<PlatformFlags> readPlatformFlags(CpuRegisters cpu) throws ApplyException {
        return noPlatformId();
    }

    private SourcedFact<PlatformFlags> noPlatformId() {
        return new SourcedFact<>(PlatformFlags.NONE, "none: " + vendor() + " CPUs have no platform id");
    }

    /**
     * Reads the revision the CPU whose registers are {@code cpu} runs, with the register it comes from, where this
     * vendor's CPUs tell it without a write; empty where the read needs one (Intel), which only
     * {@link #readRevision(WritableCpuRegisters)} does.
     *
     * @param cpu the registers of the CPU to read; not null
     * @return the running revision with the register it was read from, or empty when this vendor's read needs a write
     * @throws ApplyException when a register cannot be read
     */
    Optional<SourcedFact<Revision>> readRevisionWithoutWriting(CpuRegisters cpu) throws ApplyException;

    /**
     * Reads the revision the CPU whose registers are {@code cpu} runs, by this vendor's whole rule, writes included:
     * what a load reads before and after its write.
     *
     * @param cpu the registers of the CPU being loaded; not null
     * @return the revision the CPU runs
     * @throws ApplyException when a register cannot be read or written
     */
    Revision readRevision(WritableCpuRegisters cpu) throws ApplyException;

    /**
     * How this vendor's CPUs load a patch and report their revision.
     *
     * @return this vendor's protocol, the same at every call
     */
    LoadProtocol loadProtocol();
}
