package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Revision;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The 64-byte header of an AMD patch, every field as the format names it.
 *
 * @param dataCode {@code data_code} @0: the date, usually packed BCD {@code 0xMMDDYYYY} (see {@link #date()})
 * @param patchId {@code patch_id} @4: the revision the CPU reports once the patch is loaded
 * @param patchDataId {@code mc_patch_data_id} @8, 16 bits
 * @param patchDataLength {@code mc_patch_data_len} @10, 8 bits
 * @param initFlag {@code init_flag} @11, 8 bits
 * @param patchDataChecksum {@code mc_patch_data_checksum} @12: a checksum on old families, the minimum revision on
 *     Zen 3 and later patches signed after the Entrysign fix (see {@link #minimumRevision()}); no loader verifies it
 * @param nbDevId {@code nb_dev_id} @16: north-bridge device, 0 unless chipset-specific
 * @param sbDevId {@code sb_dev_id} @20: south-bridge device, 0 unless chipset-specific
 * @param processorRevId {@code processor_rev_id} @24, 16 bits: the equivalence id
 * @param nbRevId {@code nb_rev_id} @26, 8 bits
 * @param sbRevId {@code sb_rev_id} @27, 8 bits
 * @param biosApiRev {@code bios_api_rev} @28, 8 bits
 * @param reserved the three reserved bytes @29, as a little-endian 24-bit value
 * @param matchRegisters {@code match_reg[8]} @32
 */
public record AmdPatchHeader(int dataCode, int patchId, int patchDataId, int patchDataLength, int initFlag,
                             int patchDataChecksum, int nbDevId, int sbDevId, int processorRevId, int nbRevId,
                             int sbRevId, int biosApiRev, int reserved, List<Integer> matchRegisters) {
    /** The size of the header in bytes. */
    public static final int SIZE = 64;
    /** The offset of {@code nb_dev_id}. */
    public static final int NB_DEV_ID_OFFSET = 16;
    /** The offset of {@code sb_dev_id}. */
    public static final int SB_DEV_ID_OFFSET = 20;
    /** The offset of {@code processor_rev_id}. */
    public static final int PROCESSOR_REV_ID_OFFSET = 24;
    /** The number of match registers. */
    public static final int MATCH_REGISTERS = 8;

    /**
     * Checks each field's width and copies the match registers.
     *
     * @param dataCode {@code data_code}, any 32 bits
     * @param patchId {@code patch_id}, any 32 bits
     * @param patchDataId {@code mc_patch_data_id}, 0 to 0xffff
     * @param patchDataLength {@code mc_patch_data_len}, 0 to 0xff
     * @param initFlag {@code init_flag}, 0 to 0xff
     * @param patchDataChecksum {@code mc_patch_data_checksum}, any 32 bits
     * @param nbDevId {@code nb_dev_id}, any 32 bits
     * @param sbDevId {@code sb_dev_id}, any 32 bits
     * @param processorRevId {@code processor_rev_id}, 0 to 0xffff
     * @param nbRevId {@code nb_rev_id}, 0 to 0xff
     * @param sbRevId {@code sb_rev_id}, 0 to 0xff
     * @param biosApiRev {@code bios_api_rev}, 0 to 0xff
     * @param reserved the reserved bytes, 0 to 0xffffff
     * @param matchRegisters {@code match_reg[8]}: exactly 8 values; not null
     * @throws IllegalArgumentException when a field does not fit its width or there are not 8 match registers
     * @throws NullPointerException when {@code matchRegisters} (or one of them) is null
     */
    public AmdPatchHeader {
        requireWidth("mc_patch_data_id", patchDataId, 16);
        requireWidth("mc_patch_data_len", patchDataLength, 8);
        requireWidth("init_flag", initFlag, 8);
        requireWidth("processor_rev_id", processorRevId, 16);
        requireWidth("nb_rev_id", nbRevId, 8);
        requireWidth("sb_rev_id", sbRevId, 8);
        requireWidth("bios_api_rev", biosApiRev, 8);
        requireWidth("reserved", reserved, 24);
        matchRegisters = List.copyOf(Objects.requireNonNull(matchRegisters, "matchRegisters"));
        if (matchRegisters.size() != MATCH_REGISTERS) {
            throw new IllegalArgumentException("a header has 8 match registers, not " + matchRegisters.size());
        }
    }

    private static void requireWidth(String name, int value, int bits) {
        if ((value & ~((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException(name + " is " + bits + " bits wide: 0x" + Integer.toHexString(value));
        }
    }

    /** Reads the header at {@code offset}; the caller has checked that 64 bytes are there. */
    static AmdPatchHeader read(ByteBuffer littleEndian, int offset) {
        Integer[] match = new Integer[MATCH_REGISTERS];
        for (int i = 0; i < MATCH_REGISTERS; i++) {
            match[i] = littleEndian.getInt(offset + 32 + 4 * i);
        }
        int reserved = Byte.toUnsignedInt(littleEndian.get(offset + 29))
                | Byte.toUnsignedInt(littleEndian.get(offset + 30)) << 8
                | Byte.toUnsignedInt(littleEndian.get(offset + 31)) << 16;
        return new AmdPatchHeader(littleEndian.getInt(offset), littleEndian.getInt(offset + 4),
                Short.toUnsignedInt(littleEndian.getShort(offset + 8)), Byte.toUnsignedInt(littleEndian.get(offset + 10)),
                Byte.toUnsignedInt(littleEndian.get(offset + 11)), littleEndian.getInt(offset + 12),
                littleEndian.getInt(offset + NB_DEV_ID_OFFSET), littleEndian.getInt(offset + SB_DEV_ID_OFFSET),
                Short.toUnsignedInt(littleEndian.getShort(offset + 24)), Byte.toUnsignedInt(littleEndian.get(offset + 26)),
                Byte.toUnsignedInt(littleEndian.get(offset + 27)), Byte.toUnsignedInt(littleEndian.get(offset + 28)),
                reserved, List.of(match));
    }

    /** Writes the header at the little-endian buffer's position, advancing it by 64 bytes. */
    void writeTo(ByteBuffer littleEndian) {
        littleEndian.putInt(dataCode).putInt(patchId).putShort((short) patchDataId).put((byte) patchDataLength)
                .put((byte) initFlag).putInt(patchDataChecksum).putInt(nbDevId).putInt(sbDevId)
                .putShort((short) processorRevId).put((byte) nbRevId).put((byte) sbRevId).put((byte) biosApiRev)
                .put((byte) reserved).put((byte) (reserved >>> 8)).put((byte) (reserved >>> 16));
        matchRegisters.forEach(littleEndian::putInt);
    }

    /**
     * The family the patch is for: {@code 0xf + (processor_rev_id >> 12)}.
     *
     * @return the displayed family, 0xf to 0x1e
     */
    public int family() {
        return 0xf + (processorRevId >>> 12);
    }

    /**
     * The revision the patch loads: {@code patch_id}.
     *
     * @return {@code patch_id} as a revision
     */
    public Revision revision() {
        return Revision.of(patchId);
    }

    /**
     * The release date, when {@code data_code} holds a valid one.
     *
     * @return the date, or empty when {@code data_code} is not packed BCD of a calendar date
     */
    public Optional<LocalDate> date() {
        return BcdDate.decode(dataCode);
    }

    /**
     * Whether the patch is matched through its patch id (family 0x17 and later).
     *
     * @return true for a Zen patch, false for an older family's, matched through the equivalence table
     */
    public boolean isZen() {
        return ZenPatchId.isZen(family());
    }

    /**
     * The CPU the patch id encodes; meaningful for Zen patches only.
     *
     * @return the signature {@link ZenPatchId#signatureOf} decodes from {@code patch_id}
     */
    public CpuSignature encodedSignature() {
        return ZenPatchId.signatureOf(patchId);
    }

    /**
     * Whether the patch names a north- or south-bridge device.
     *
     * @return true when {@code nb_dev_id} or {@code sb_dev_id} is not 0
     */
    public boolean isChipsetSpecific() {
        return nbDevId != 0 || sbDevId != 0;
    }

    /**
     * The running revision a load requires, as Xen reads it: on Zen 3 and later ({@code processor_rev_id >= 0xa000})
     * a non-zero {@code mc_patch_data_checksum} that differs from {@code patch_id} only in its low byte.
     * Anything else in that field is an old-style checksum, or nothing.
     *
     * @return the minimum running revision, or empty when the field holds none
     */
    public Optional<Revision> minimumRevision() {
        boolean zen3OrLater = processorRevId >= 0xa000;
        boolean looksLikeRevision = patchDataChecksum != 0 && ((patchId ^ patchDataChecksum) & ~0xff) == 0;
        return zen3OrLater && looksLikeRevision ? Optional.of(Revision.of(patchDataChecksum)) : Optional.empty();
    }
}
