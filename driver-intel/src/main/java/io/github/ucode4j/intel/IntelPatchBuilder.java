package io.github.ucode4j.intel;

import static io.github.ucode4j.intel.IntelLayout.*;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthesises valid Intel patches: any signature, platform flags, revision, date, data size and extended entries,
 * with every checksum correct. For simulators, demonstrations and tests; the data is pseudo-random filler, not
 * microcode any CPU would accept.
 *
 * <p>By default the data is padded with zeros so that the total size is a multiple of 1024, as strict checks
 * require; {@link #padTotalSizeTo1024(boolean)} turns that off. Not thread-safe; {@link #build()} may be called
 * more than once.
 */
public final class IntelPatchBuilder {
    /** The entry that ends a metadata chain: type 0, size 8 (little-endian). */
    private static final byte[] METADATA_END = {0, 0, 0, 0, 8, 0, 0, 0};

    private int signature = 0x000906ea;
    private int platformFlags = 0x01;
    private int revision = 1;
    private int date = 0x01012020;
    private int minimumRevision;
    private byte[] data = filler(976, 0);
    private boolean defaultSizes;
    private boolean pad = true;
    private final List<ExtendedTarget> extendedSignatures = new ArrayList<>();
    private final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
    private boolean metadataTerminated = true;

    private IntelPatchBuilder() {
    }

    /**
     * A builder for a 1024-byte patch for signature 0x000906ea, platform 0x01, revision 1, dated 2020-01-01.
     *
     * @return a new builder with those defaults
     */
    public static IntelPatchBuilder patch() {
        return new IntelPatchBuilder();
    }

    /**
     * The processor signature ({@code sig}).
     *
     * @param eax the signature as CPUID(1).EAX gives it, any 32 bits
     * @return this builder
     */
    public IntelPatchBuilder signature(int eax) {
        this.signature = eax;
        return this;
    }

    /**
     * The processor signature ({@code sig}).
     *
     * @param signature the signature; not null
     * @return this builder
     */
    public IntelPatchBuilder signature(CpuSignature signature) {
        return signature(signature.eax());
    }

    /**
     * The platform-flags mask ({@code pf}).
     *
     * @param mask the mask, one bit per platform id the patch serves (bits 0 to 7); stored as given, even 0
     * @return this builder
     */
    public IntelPatchBuilder platformFlags(int mask) {
        this.platformFlags = mask;
        return this;
    }

    /**
     * The revision ({@code rev}), raw 32 bits.
     *
     * @param revision the revision, any 32 bits (0 is stored, but strict checks reject it)
     * @return this builder
     */
    public IntelPatchBuilder revision(int revision) {
        this.revision = revision;
        return this;
    }

    /**
     * The date as stored: packed BCD {@code 0xMMDDYYYY}, valid or not.
     *
     * @param packedBcd the header's date dword, month in bits 31:24, day in 23:16, year in 15:0
     * @return this builder
     */
    public IntelPatchBuilder date(int packedBcd) {
        this.date = packedBcd;
        return this;
    }

    /**
     * The date, packed into BCD.
     *
     * @param day the date; its year must have four digits for the BCD to be valid
     * @return this builder
     */
    public IntelPatchBuilder date(LocalDate day) {
        int year = Integer.parseInt(Integer.toString(day.getYear()), 16);
        int month = Integer.parseInt(Integer.toString(day.getMonthValue()), 16);
        int dayOfMonth = Integer.parseInt(Integer.toString(day.getDayOfMonth()), 16);
        return date(month << 24 | dayOfMonth << 16 | year);
    }

    /**
     * The minimum running revision for a safe late load ({@code min_req_ver}); 0 for none.
     *
     * @param revision the minimum revision, raw 32 bits, or 0 when the patch names none
     * @return this builder
     */
    public IntelPatchBuilder minimumRevision(int revision) {
        this.minimumRevision = revision;
        return this;
    }

    /**
     * {@code bytes} of pseudo-random data drawn from {@code seed}.
     *
     * @param bytes the length of the data, before any padding; a non-negative multiple of 4
     * @param seed the seed of the filler: the same seed gives the same data
     * @return this builder
     * @throws IllegalArgumentException when {@code bytes} is negative or not a multiple of 4
     */
    public IntelPatchBuilder dataSize(int bytes, long seed) {
        if (bytes < 0 || bytes % 4 != 0) {
            throw new IllegalArgumentException("data size must be a non-negative multiple of 4: " + bytes);
        }
        return data(filler(bytes, seed));
    }

    /**
     * These bytes as the data.
     *
     * @param bytes the data, copied; its length a multiple of 4
     * @return this builder
     * @throws IllegalArgumentException when the length is not a multiple of 4
     */
    public IntelPatchBuilder data(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("data must be whole dwords: " + bytes.length + " bytes");
        }
        this.data = bytes.clone();
        return this;
    }

    /**
     * Adds an entry to the extended signature table (the table exists once one entry is added).
     *
     * @param eax the entry's processor signature, as CPUID(1).EAX gives it
     * @param mask the entry's platform-flags mask
     * @return this builder
     */
    public IntelPatchBuilder extendedSignature(int eax, int mask) {
        extendedSignatures.add(new ExtendedTarget(eax, mask));
        return this;
    }

    /**
     * Appends an entry of {@code type} (not 0) to the metadata block at the end of the data; payload whole dwords.
     *
     * @param type the entry's type, anything but 0 (which ends the block)
     * @param payload the entry's payload, copied; its length a multiple of 4
     * @return this builder
     * @throws IllegalArgumentException when {@code type} is 0 or the payload is not whole dwords
     */
    public IntelPatchBuilder metadataEntry(int type, byte[] payload) {
        if (type == 0 || payload.length % 4 != 0) {
            throw new IllegalArgumentException("metadata type must not be 0 and the payload whole dwords");
        }
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(8 + payload.length);
        metadata.writeBytes(header.array());
        metadata.writeBytes(payload);
        return this;
    }

    /**
     * Whether an entry of type 0 ends the metadata block (default true); without it the entries fill the block, as
     * in Intel's own files from 2024 on.
     *
     * @param terminated true to end the block with a type-0 entry, false to leave it out
     * @return this builder
     */
    public IntelPatchBuilder metadataTerminated(boolean terminated) {
        this.metadataTerminated = terminated;
        return this;
    }

    /**
     * The old fixed layout: a data size field of 0, 2000 bytes of data from {@code seed}, 2048 bytes in all, no
     * extended table.
     *
     * @param seed the seed of the 2000 bytes of filler: the same seed gives the same data
     * @return this builder
     */
    public IntelPatchBuilder defaultSizes(long seed) {
        this.defaultSizes = true;
        this.data = filler(DEFAULT_DATA_SIZE, seed);
        return this;
    }

    /**
     * Whether to pad the data with zeros to a total size that is a multiple of 1024 (default true).
     *
     * @param pad true to pad, false to keep the data's length as given (strict checks may then reject the patch)
     * @return this builder
     */
    public IntelPatchBuilder padTotalSizeTo1024(boolean pad) {
        this.pad = pad;
        return this;
    }

    /**
     * The patch's bytes: header, data, extended table, with every checksum correct.
     *
     * @return a new array holding the whole patch
     * @throws IllegalStateException when the fixed layout ({@link #defaultSizes}) is asked for together with
     *     extended signatures or metadata, for which it has no room
     */
    public byte[] build() {
        if (defaultSizes && (!extendedSignatures.isEmpty() || metadata.size() > 0)) {
            throw new IllegalStateException("the fixed 2048-byte layout has no extended table and no metadata");
        }
        byte[] body = dataArea();
        int tableLength = extendedTableLength();
        int totalSize = HEADER_SIZE + body.length + tableLength;
        ByteBuffer out = ByteBuffer.allocate(totalSize).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(HEADER_VERSION, 1).putInt(REVISION, revision).putInt(DATE, date).putInt(SIGNATURE, signature)
                .putInt(LOADER_VERSION, 1).putInt(PLATFORM_FLAGS, platformFlags)
                .putInt(DATA_SIZE, defaultSizes ? 0 : body.length).putInt(TOTAL_SIZE, defaultSizes ? 0 : totalSize)
                .putInt(METADATA_SIZE, metadataSize()).putInt(MIN_REQUIRED_REVISION, minimumRevision);
        out.put(HEADER_SIZE, body);
        int checksum = -DwordSum.of(out, 0, HEADER_SIZE + body.length);
        out.putInt(CHECKSUM, checksum);
        if (tableLength > 0) {
            writeExtendedTable(out, HEADER_SIZE + body.length, signature + platformFlags + checksum);
        }
        return out.array();
    }

    /**
     * The patch, parsed by the driver, as if read from {@code source}.
     *
     * @param source the name the patch is said to be read from, as parse results and messages show it
     * @return the patch, parsed and checked strictly
     * @throws IllegalStateException when strict checks reject what was asked for (revision 0, an invalid date, a
     *     total size off the kilobyte), or as {@link #build()}
     */
    public MicrocodePatch buildPatch(String source) {
        try {
            Bundle bundle = new IntelMicrocodeOps().parse(ByteBuffer.wrap(build()), source);
            return bundle.patches().get(0);
        } catch (MicrocodeFormatException e) {
            throw new IllegalStateException("the builder was asked for a patch strict checks reject: "
                    + e.getMessage(), e);
        }
    }

    private byte[] dataArea() {
        if (defaultSizes) {
            return data;
        }
        int metadataSize = metadataSize();
        int tableLength = extendedTableLength();
        int unpadded = HEADER_SIZE + data.length + metadataSize + tableLength;
        int padding = pad ? (1024 - unpadded % 1024) % 1024 : 0;
        ByteBuffer area = ByteBuffer.allocate(data.length + padding + metadataSize);
        area.put(data).position(data.length + padding);
        area.put(metadata.toByteArray());
        if (metadataSize > metadata.size()) {
            area.put(METADATA_END);
        }
        return area.array();
    }

    private int metadataSize() {
        return metadata.size() == 0 || !metadataTerminated ? metadata.size() : metadata.size() + METADATA_END.length;
    }

    private void writeExtendedTable(ByteBuffer out, int at, int headerBalance) {
        out.putInt(at, extendedSignatures.size());
        for (int i = 0; i < extendedSignatures.size(); i++) {
            ExtendedTarget entry = extendedSignatures.get(i);
            int entryAt = at + EXTENDED_HEADER_SIZE + EXTENDED_ENTRY_SIZE * i;
            int checksum = headerBalance - entry.signature() - entry.mask();
            out.putInt(entryAt, entry.signature()).putInt(entryAt + 4, entry.mask()).putInt(entryAt + 8, checksum);
        }
        out.putInt(at + 4, -DwordSum.of(out, at, extendedTableLength()));
    }

    private int extendedTableLength() {
        return extendedSignatures.isEmpty() ? 0 : EXTENDED_HEADER_SIZE + EXTENDED_ENTRY_SIZE * extendedSignatures.size();
    }

    private record ExtendedTarget(int signature, int mask) {
    }

    private static byte[] filler(int bytes, long seed) {
        byte[] filler = new byte[bytes];
        new SplittableRandom(seed).nextBytes(filler);
        return filler;
    }
}
