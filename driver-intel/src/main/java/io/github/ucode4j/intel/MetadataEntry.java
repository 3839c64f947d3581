package io.github.ucode4j.intel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the metadata block at the end of a patch's data: a type, a size that counts the entry's own 8-byte
 * type and size, and a payload of whole dwords. Loaders ignore the block.
 *
 * <p>Intel has published the meaning of two types, through Linux's In-Field-Scan driver: 0 may end the block, and 1
 * describes an In-Field-Scan test image. Microcode patches from 2024 on carry types 2 and 3, whose meaning Intel has
 * not published: their payload is kept as it is. The minimum revision for a safe late load is not metadata but the
 * header's {@code min_req_ver} ({@link IntelPatchDetails#minimumRequiredRevision()}).
 *
 * @param type the entry type
 * @param size the entry's length in bytes, including its 8-byte type and size
 * @param offset the entry's offset within the patch
 * @param payload the {@code size - 8} bytes after the type and size
 */
public record MetadataEntry(int type, int size, int offset, ByteBuffer payload) {
    /** The type that may end the block. */
    public static final int END = 0;
    /** The type that describes an In-Field-Scan test image. */
    public static final int IN_FIELD_SCAN = 1;
    /** The bytes of an entry's type and size. */
    static final int TYPE_AND_SIZE = 8;

    /**
     * Keeps a read-only view of the payload.
     *
     * @param type the entry type, any value (only {@link #END} and {@link #IN_FIELD_SCAN} have a published meaning)
     * @param size the entry's length in bytes, including its 8-byte type and size
     * @param offset the entry's offset within the patch, in bytes
     * @param payload the bytes after the type and size, from its position to its limit; not null, and not changed
     * @throws IllegalArgumentException when the payload is not {@code size - 8} bytes of whole dwords
     */
    public MetadataEntry {
        Objects.requireNonNull(payload, "payload");
        if (payload.remaining() != (long) size - TYPE_AND_SIZE || payload.remaining() % 4 != 0) {
            throw new IllegalArgumentException("an entry of size " + size + " holds " + (size - TYPE_AND_SIZE)
                    + " bytes of whole dwords, not " + payload.remaining());
        }
        payload = payload.slice().asReadOnlyBuffer();
    }

    /**
     * The payload: a read-only, little-endian view of its own.
     *
     * @return a new read-only view of the payload, positioned at its start; reading it moves no other view
     */
    @Override
    public ByteBuffer payload() {
        return payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The payload's dwords as unsigned numbers, in order.
     *
     * @return one number per little-endian dword of the payload, from 0 to 2<sup>32</sup>-1; empty for an empty
     *     payload
     */
    public List<Long> payloadDwords() {
        ByteBuffer dwords = payload();
        List<Long> values = new ArrayList<>(dwords.remaining() / 4);
        while (dwords.hasRemaining()) {
            values.add(Integer.toUnsignedLong(dwords.getInt()));
        }
        return values;
    }

    /**
     * What the type means, where Intel has published it.
     *
     * @return the meaning in words, or empty for a type whose meaning Intel has not published
     */
    public Optional<String> meaning() {
        return switch (type) {
            case END -> Optional.of("the end of the metadata");
            case IN_FIELD_SCAN -> Optional.of("the description of an In-Field-Scan test image");
            default -> Optional.empty();
        };
    }
}
