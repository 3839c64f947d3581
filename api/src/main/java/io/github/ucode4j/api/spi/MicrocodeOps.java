package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LoadObjection;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.Match;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Vendor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A vendor's microcode driver: parses and checks its files, matches patches to CPUs, and knows how its CPUs load.
 * Found with {@link java.util.ServiceLoader}; see {@link io.github.ucode4j.api.MicrocodeDrivers}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface MicrocodeOps {

    /** The vendor this driver serves. */
    Vendor vendor();

    /**
     * A cheap look at the first bytes of an input (up to 64, fewer when the input is shorter): whether this
     * driver's parser is the one to try. Never throws; does not check the data.
     */
    boolean recognizes(ByteBuffer head);

    /** Parses {@code data} in {@link ParseMode#STRICT} mode. */
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
     * @throws MicrocodeFormatException naming the source, the offset and the rule broken
     */
    Bundle parse(ByteBuffer data, String source, ParseMode mode) throws MicrocodeFormatException;

    /** Whether {@code patch} fits a CPU in state {@code cpu}, and why or why not. Ignores the revision. */
    Match match(MicrocodePatch patch, CpuState cpu);

    /**
     * Whether a vendor rule beyond matching and revision order forbids loading {@code patch} late on a CPU in state
     * {@code cpu}: Intel's minimum required revision, AMD's digest allow-list or final patch level, microcode that
     * must only be loaded early. Called for a patch that matches the CPU and is newer by the vendor's rule, and, when
     * a reload is forced, for the newest matching patch, of which only an objection to the CPU
     * ({@link LoadObjection.Scope#CPU}) then counts. The default knows no such rule.
     */
    default Optional<LoadObjection> lateLoadObjection(MicrocodePatch patch, CpuState cpu) {
        return Optional.empty();
    }

    /**
     * Orders two patches of this vendor by the revision they load: positive when {@code a} is newer, zero when
     * the same, negative when older. Revisions compare unsigned, as the loaders do.
     */
    int compare(MicrocodePatch a, MicrocodePatch b);

    /**
     * The path under the firmware directory where the kernel looks for this signature's patches:
     * {@code intel-ucode/06-55-04}, {@code amd-ucode/microcode_amd_fam19h.bin}.
     */
    String firmwareName(CpuSignature signature);

    /**
     * The bytes of one firmware file holding {@code patches} in the given order, as the kernel's loader reads it
     * (and as {@link #parse} reads it back). The default concatenates the patches' bytes, which is Intel's format;
     * a vendor whose files wrap patches in a container (AMD) overrides it.
     */
    default ByteBuffer firmwareFile(List<MicrocodePatch> patches) {
        ByteBuffer file = ByteBuffer.allocate(Math.toIntExact(patches.stream().mapToLong(MicrocodePatch::size).sum()));
        patches.forEach(p -> file.put(p.bytes()));
        return file.flip();
    }

    /** The path of this vendor's file in an early-load initramfs: {@code kernel/x86/microcode/GenuineIntel.bin}. */
    default String earlyCpioPath() {
        return "kernel/x86/microcode/" + vendor().cpuidName() + ".bin";
    }

    /** How this vendor's CPUs load a patch and report their revision. */
    LoadProtocol loadProtocol();
}
