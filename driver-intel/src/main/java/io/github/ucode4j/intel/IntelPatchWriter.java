package io.github.ucode4j.intel;

import io.github.ucode4j.api.MicrocodePatch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes patches back out: as a binary file (patches back to back, byte for byte as parsed) or as legacy
 * {@code .dat} text (four dwords a line, a comment before each patch).
 */
public final class IntelPatchWriter {
    private static final int DWORDS_PER_LINE = 4;

    private IntelPatchWriter() {
    }

    /**
     * The patches' bytes, concatenated in order.
     *
     * @param patches the patches to write, of any vendor, in the order wanted; not null
     * @return a new array holding every patch's bytes back to back; empty for no patch
     */
    public static byte[] toBinary(List<MicrocodePatch> patches) {
        ByteBuffer out = ByteBuffer.allocate(patches.stream().mapToInt(MicrocodePatch::size).sum());
        patches.forEach(p -> out.put(p.bytes()));
        return out.array();
    }

    /**
     * Writes the patches' bytes, concatenated in order, to {@code out} (which is not closed).
     *
     * @param patches the patches to write, in the order wanted; not null
     * @param out where to write them; flushed when done, left open
     * @throws IOException when writing to {@code out} fails; part of the patches may have been written then
     */
    public static void writeBinary(List<MicrocodePatch> patches, OutputStream out) throws IOException {
        WritableByteChannel channel = Channels.newChannel(out);
        for (MicrocodePatch patch : patches) {
            ByteBuffer bytes = patch.bytes();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        out.flush();
    }

    /**
     * The patches as {@code .dat} text, each preceded by a comment naming its signature, mask and revision.
     *
     * @param patches the patches to write, in the order wanted; not null
     * @return the text, four comma-ended hex dwords a line; empty for no patch
     */
    public static String toDatText(List<MicrocodePatch> patches) {
        StringBuilder text = new StringBuilder();
        for (MicrocodePatch patch : patches) {
            text.append(String.format("/* sig %s, pf_mask %s, rev %s */\n", patch.primaryTarget().signature().hex(),
                    patch.primaryTarget().platformFlags(), patch.revision()));
            appendDwords(text, patch.bytes());
        }
        return text.toString();
    }

    private static void appendDwords(StringBuilder text, ByteBuffer bytes) {
        ByteBuffer dwords = bytes.order(ByteOrder.LITTLE_ENDIAN);
        HexFormat hex = HexFormat.of();
        for (int i = 0; dwords.remaining() >= 4; i++) {
            text.append("0x").append(hex.toHexDigits(dwords.getInt())).append(',');
            text.append((i + 1) % DWORDS_PER_LINE == 0 || dwords.remaining() < 4 ? '\n' : '\t');
        }
    }
}
