package io.github.ucode4j.intel;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.spi.ParseMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Helpers to parse and to craft broken inputs from valid ones. */
final class Crafted {
    static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();

    private Crafted() {
    }

    static Bundle parse(byte[] bytes) throws MicrocodeFormatException {
        return OPS.parse(ByteBuffer.wrap(bytes), "crafted");
    }

    static Bundle parse(byte[] bytes, ParseMode mode) throws MicrocodeFormatException {
        return OPS.parse(ByteBuffer.wrap(bytes), "crafted", mode);
    }

    /** A copy of {@code bytes} with the little-endian dword at {@code offset} set to {@code value}. */
    static byte[] withDword(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return copy;
    }

    /** A copy of the single patch {@code bytes} with its header checksum made right again for its data size. */
    static byte[] rebalanced(byte[] bytes) {
        byte[] copy = withDword(bytes, 16, 0);
        int dataSize = dword(copy, 28) == 0 ? 2000 : dword(copy, 28);
        int sum = 0;
        for (int i = 0; i < 48 + dataSize; i += 4) {
            sum += dword(copy, i);
        }
        return withDword(copy, 16, -sum);
    }

    /** {@link #rebalanced} when the header's data fits in {@code bytes}, else {@code bytes} unchanged. */
    static byte[] rebalancedIfPossible(byte[] bytes) {
        long dataSize = bytes.length >= 48 ? Integer.toUnsignedLong(dword(bytes, 28)) : 0;
        boolean fits = bytes.length >= 48 && dataSize % 4 == 0 && 48 + (dataSize == 0 ? 2000 : dataSize) <= bytes.length;
        return fits ? rebalanced(bytes) : bytes;
    }

    static int dword(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }

    /** The arrays joined in order. */
    static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
