package io.github.ucode4j.amd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Whether bytes start like a raw AMD patch: a patch header with no container around it. A raw patch has no magic,
 * so its header's fields must vouch for it, each as every patch AMD has published fills it:
 * <ul>
 *   <li>{@code data_code} is a packed BCD date with a month and a day (Intel's header starts with version 1 or 2,
 *       a container with its magic: neither has a BCD month);
 *   <li>{@code nb_dev_id} and {@code sb_dev_id} are zero (eight zero bytes, which no text has; Intel's loader
 *       version is there and is 1);
 *   <li>{@code mc_patch_data_id} is {@code 0x80xx};
 *   <li>{@code processor_rev_id} names family 0x10 or later, the families that have loaders;
 *   <li>from family 0x17 on, {@code patch_id} names the same family.
 * </ul>
 * Random bytes pass with a chance below 2^-75. The length of the file, which a sniff of its first bytes cannot see,
 * is checked when the patch is read.
 */
final class RawPatchShape {
    private static final int PATCH_DATA_ID_HIGH_BYTE = 0x80;

    private RawPatchShape() {
    }

    /**
     * Whether the bytes from {@code head}'s position start like a raw patch; {@code head} needs the 64 bytes of a
     * header, which are what {@link io.github.ucode4j.api.MicrocodeDrivers} shows a driver.
     */
    static boolean matches(ByteBuffer head) {
        return mismatch(head).isEmpty();
    }

    /** Why the bytes from {@code head}'s position do not start like a raw patch, or empty when they do. */
    static Optional<String> mismatch(ByteBuffer head) {
        if (head.remaining() < AmdPatchHeader.SIZE) {
            return Optional.of("fewer than the " + AmdPatchHeader.SIZE + " bytes of a patch header");
        }
        AmdPatchHeader header = AmdPatchHeader.read(head.duplicate().order(ByteOrder.LITTLE_ENDIAN), head.position());
        if (!BcdDate.isPacked(header.dataCode())) {
            return Optional.of(String.format("data_code 0x%08x is not a packed BCD date", header.dataCode()));
        }
        if (header.isChipsetSpecific()) {
            return Optional.of(String.format("nb_dev_id 0x%08x and sb_dev_id 0x%08x are not both zero",
                    header.nbDevId(), header.sbDevId()));
        }
        if (header.patchDataId() >>> 8 != PATCH_DATA_ID_HIGH_BYTE) {
            return Optional.of(String.format("mc_patch_data_id 0x%04x is not 0x80xx", header.patchDataId()));
        }
        if (header.family() < 0x10) {
            return Optional.of(String.format("processor_rev_id 0x%04x names family 0x%x, which no loader serves",
                    header.processorRevId(), header.family()));
        }
        if (header.isZen() && header.encodedSignature().family() != header.family()) {
            return Optional.of(String.format("patch_id 0x%08x names family 0x%x, processor_rev_id 0x%04x family 0x%x",
                    header.patchId(), header.encodedSignature().family(), header.processorRevId(), header.family()));
        }
        return Optional.empty();
    }
}
