package io.github.ucode4j.intel;

import io.github.ucode4j.testing.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random valid patch for property tests, kept small so that a thousand tries stay fast.
 *
 * @param signature sig
 * @param platformFlags pf, 8 bits
 * @param revision rev, never 0
 * @param date a valid packed BCD date
 * @param dataSize bytes of data before padding
 * @param seed the data's seed
 * @param extended extended entries as {sig, pf} pairs
 * @param defaultSizes whether to use the datasize == 0 layout
 * @param minimumRevision min_req_ver
 */
record PatchSpec(int signature, int platformFlags, int revision, int date, int dataSize, long seed,
                 List<int[]> extended, boolean defaultSizes, int minimumRevision) {

    /** Specs with data up to 256 bytes, up to 3 extended entries, and the default layout one time in 20. */
    static final Generator<PatchSpec> SPECS = PatchSpec::random;

    static PatchSpec random(SplittableRandom random) {
        List<int[]> extended = new ArrayList<>();
        int entries = random.nextInt(4) == 0 ? random.nextInt(1, 4) : 0;
        for (int i = 0; i < entries; i++) {
            extended.add(new int[] {random.nextInt(), random.nextInt(256)});
        }
        int revision = random.nextInt();
        int date = bcd(random.nextInt(1, 13)) << 24 | bcd(random.nextInt(1, 32)) << 16 | bcd(random.nextInt(1995, 2100));
        return new PatchSpec(random.nextInt(), random.nextInt(256), revision == 0 ? 1 : revision, date,
                4 * random.nextInt(65), random.nextLong(), extended, random.nextInt(20) == 0, random.nextInt(3) == 0 ? 0 : random.nextInt());
    }

    IntelPatchBuilder builder() {
        IntelPatchBuilder builder = IntelPatchBuilder.patch().signature(signature).platformFlags(platformFlags)
                .revision(revision).date(date).minimumRevision(minimumRevision);
        if (defaultSizes) {
            return builder.defaultSizes(seed);
        }
        builder.dataSize(dataSize, seed);
        extended.forEach(e -> builder.extendedSignature(e[0], e[1]));
        return builder;
    }

    byte[] build() {
        return builder().build();
    }

    private static int bcd(int decimal) {
        return Integer.parseInt(Integer.toString(decimal), 16);
    }

    @Override
    public String toString() {
        return String.format("sig 0x%08x pf 0x%02x rev 0x%x date 0x%08x data %d ext %d default %b", signature,
                platformFlags, revision, date, dataSize, extended.size(), defaultSizes);
    }
}
