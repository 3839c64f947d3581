package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Revision;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SplittableRandom;

/**
 * Makes valid synthetic AMD patches, with the equivalence entry that maps their CPU to them, for tests,
 * simulations and demonstrations. Bodies are seeded pseudo-random bytes: no CPU would accept them. Not thread-safe;
 * each {@link #build()} returns an independent patch.
 *
 * <pre>{@code
 * SyntheticPatch patch = AmdPatchBuilder.forCpu(CpuSignature.fromDisplay(0x19, 0x01, 0x1))
 *         .revision(0x0a001079).date(LocalDate.of(2024, 2, 26)).bodySize(5504).build();
 * ByteBuffer container = patch.container();
 * }</pre>
 */
public final class AmdPatchBuilder {
    private static final int DEFAULT_BODY_SIZE = 448;
    private static final int PATCH_DATA_ID = 0x8000;

    private final CpuSignature cpu;
    private int revision;
    private int dataCode = BcdDate.encode(LocalDate.of(2024, 1, 1));
    private int bodySize = DEFAULT_BODY_SIZE;
    private int equivalenceId;
    private int patchDataChecksum;
    private long seed;

    private AmdPatchBuilder(CpuSignature cpu) {
        this.cpu = cpu;
        this.equivalenceId = defaultEquivalenceId(cpu);
        int family = cpu.family();
        this.revision = ZenPatchId.isZen(family) ? ZenPatchId.lowestRevision(cpu).value() | 1 : (family - 0xf) << 24 | 1;
    }

    /**
     * A builder for patches for {@code cpu}: revision 1 of its family (Zen: of its CPU), dated 2024-01-01, with a
     * 448-byte body and the equivalence id AMD's files use ({@code ext_family ext_model model stepping}).
     *
     * @throws IllegalArgumentException when {@code cpu} is not a canonical signature (processor type and reserved
     *     bits zero) of family 0x10 to 0x1e, the families an equivalence id can name
     *
     * @param cpu the CPU the patches are for
     * @return a new builder with those defaults
     */
    public static AmdPatchBuilder forCpu(CpuSignature cpu) {
        int family = cpu.family();
        if (family < 0x10 || family > 0x1e) {
            throw new IllegalArgumentException("AMD patches exist for families 0x10 to 0x1e, not 0x" + Integer.toHexString(family));
        }
        if (!CpuSignature.fromDisplay(family, cpu.model(), cpu.stepping()).equals(cpu)) {
            throw new IllegalArgumentException("not a canonical signature: " + cpu.hex());
        }
        return new AmdPatchBuilder(cpu);
    }

    /**
     * As {@link #forCpu(CpuSignature)}, for the CPU with the displayed family, model and stepping.
     *
     * @param family the displayed family, 0x10 to 0x1e
     * @param model the displayed model, 0 to 0xff
     * @param stepping the stepping, 0 to 0xf
     * @return a new builder for that CPU
     * @throws IllegalArgumentException when the family is outside 0x10 to 0x1e, or a value does not fit its field
     */
    public static AmdPatchBuilder forCpu(int family, int model, int stepping) {
        return forCpu(CpuSignature.fromDisplay(family, model, stepping));
    }

    /**
     * The {@code patch_id}.
     *
     * @param patchId the revision the patch loads, raw 32 bits; on Zen its upper 24 bits must name the CPU
     * @return this builder
     * @throws IllegalArgumentException on Zen, when the value does not encode this builder's CPU
     */
    public AmdPatchBuilder revision(int patchId) {
        if (ZenPatchId.isZen(cpu.family()) && !ZenPatchId.signatureOf(patchId).equals(cpu)) {
            throw new IllegalArgumentException(String.format("Zen patch_id 0x%08x encodes %s, not %s",
                    patchId, ZenPatchId.signatureOf(patchId).hex(), cpu.hex()));
        }
        this.revision = patchId;
        return this;
    }

    /**
     * As {@link #revision(int)}.
     *
     * @param patchId the revision the patch loads
     * @return this builder
     * @throws IllegalArgumentException on Zen, when the value does not encode this builder's CPU
     */
    public AmdPatchBuilder revision(Revision patchId) {
        return revision(patchId.value());
    }

    /**
     * The date, written as packed BCD.
     *
     * @param date the release date; its year 0 to 9999
     * @return this builder
     * @throws IllegalArgumentException when the year is outside 0 to 9999
     */
    public AmdPatchBuilder date(LocalDate date) {
        this.dataCode = BcdDate.encode(date);
        return this;
    }

    /**
     * The raw {@code data_code}, valid date or not.
     *
     * @param dataCode the header's date dword as stored, any 32 bits
     * @return this builder
     */
    public AmdPatchBuilder dataCode(int dataCode) {
        this.dataCode = dataCode;
        return this;
    }

    /**
     * The size of the body after the 64-byte header.
     *
     * @param bodySize the body's length in bytes, from 0 to {@link #maximumBodySize} of the builder's family
     * @return this builder
     * @throws IllegalArgumentException when negative, or when header and body exceed the family's limit
     */
    public AmdPatchBuilder bodySize(int bodySize) {
        int maximum = maximumBodySize(cpu.family());
        if (bodySize < 0 || bodySize > maximum) {
            throw new IllegalArgumentException("family 0x" + Integer.toHexString(cpu.family()) + " allows a body of 0 to "
                    + maximum + " bytes, not " + bodySize);
        }
        this.bodySize = bodySize;
        return this;
    }

    /**
     * The equivalence id, in {@code processor_rev_id} and the table entry.
     *
     * @param equivalenceId the id, 16 bits, whose upper nibble names the builder's family
     * @return this builder
     * @throws IllegalArgumentException when it does not fit 16 bits or names another family
     */
    public AmdPatchBuilder equivalenceId(int equivalenceId) {
        if ((equivalenceId & ~0xffff) != 0 || 0xf + (equivalenceId >>> 12) != cpu.family()) {
            throw new IllegalArgumentException(String.format("equivalence id 0x%x does not name family 0x%x",
                    equivalenceId, cpu.family()));
        }
        this.equivalenceId = equivalenceId;
        return this;
    }

    /**
     * The {@code mc_patch_data_checksum} field (a minimum revision on Zen 3 and later; default 0).
     *
     * @param value the field as stored, any 32 bits
     * @return this builder
     */
    public AmdPatchBuilder patchDataChecksum(int value) {
        this.patchDataChecksum = value;
        return this;
    }

    /**
     * The seed of the body's pseudo-random bytes (default 0).
     *
     * @param seed the seed: the same seed and revision give the same body
     * @return this builder
     */
    public AmdPatchBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The largest body a patch of {@code family} may have.
     *
     * @param family the displayed family, such as 0x19
     * @return the largest body in bytes: the family's patch size limit less the 64-byte header
     */
    public static int maximumBodySize(int family) {
        return PatchSizeLimits.maximumSize(family) - AmdPatchHeader.SIZE;
    }

    /**
     * A patch with the settings so far.
     *
     * @return a new patch; the builder may go on to build others
     */
    public SyntheticPatch build() {
        AmdPatchHeader header = new AmdPatchHeader(dataCode, revision, PATCH_DATA_ID, 0, 0, patchDataChecksum, 0, 0,
                equivalenceId, 0, 0, 0, 0, Collections.nCopies(AmdPatchHeader.MATCH_REGISTERS, 0));
        ByteBuffer image = ByteBuffer.allocate(AmdPatchHeader.SIZE + bodySize).order(ByteOrder.LITTLE_ENDIAN);
        header.writeTo(image);
        byte[] body = new byte[bodySize];
        new SplittableRandom(seed ^ Integer.toUnsignedLong(revision)).nextBytes(body);
        image.put(body).flip();
        return new SyntheticPatch(header, image, EquivalenceEntry.of(cpu, equivalenceId));
    }

    /** The id AMD's own tables give a CPU: extended family, extended model, model and stepping, a nibble each. */
    private static int defaultEquivalenceId(CpuSignature cpu) {
        int eax = cpu.eax();
        return (cpu.family() - 0xf) << 12 | ((eax >>> 16) & 0xf) << 8 | (eax & 0xff);
    }
}
