package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;

/**
 * AMD's equivalence tables for families 0x10 to 0x16, as its containers publish them: the CPUs a raw patch of those
 * families is for. The entries and where they come from are in the driver's resource
 * {@code equivalence-families-10h-16h.txt}.
 */
final class PublishedEquivalenceTable {
    private static final String RESOURCE = "equivalence-families-10h-16h.txt";

    private PublishedEquivalenceTable() {
    }

    /** The table, without an all-zero entry. */
    static EquivalenceTable builtIn() {
        return Holder.TABLE;
    }

    private static EquivalenceEntry parse(String line) {
        String[] fields = line.split("\\s+");
        if (fields.length != 2) {
            throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
        }
        return EquivalenceEntry.of(CpuSignature.of(ResourceLines.hex32(fields[0])), ResourceLines.hex32(fields[1]));
    }

    private static final class Holder {
        static final EquivalenceTable TABLE = new EquivalenceTable(
                ResourceLines.read(RESOURCE).stream().map(PublishedEquivalenceTable::parse).toList());
    }
}
