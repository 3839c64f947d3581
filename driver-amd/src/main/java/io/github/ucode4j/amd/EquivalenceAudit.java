package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.spi.ParseReporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds CPUs listed twice in one equivalence table, and CPUs that two tables of one input map to different ids.
 * Both loaders take the first entry they meet, so a conflict silently decides which patches a CPU can get.
 */
final class EquivalenceAudit {
    private final ParseReporter report;
    private final Map<CpuSignature, Integer> earlierTables = new HashMap<>();

    EquivalenceAudit(ParseReporter report) {
        this.report = report;
    }

    /** Reports what is odd in {@code table}, whose first entry is at {@code entriesOffset}; remembers its mappings. */
    void audit(EquivalenceTable table, long entriesOffset) {
        Map<CpuSignature, Integer> thisTable = new HashMap<>();
        List<EquivalenceEntry> entries = table.entries();
        for (int i = 0; i < entries.size(); i++) {
            EquivalenceEntry entry = entries.get(i);
            if (entry.isTerminator()) {
                continue;
            }
            long offset = entriesOffset + (long) i * EquivalenceEntry.SIZE;
            CpuSignature cpu = entry.installedCpu();
            int id = entry.equivalenceId();
            Integer sameTable = thisTable.putIfAbsent(cpu, id);
            Integer earlier = earlierTables.get(cpu);
            if (sameTable != null && sameTable == id) {
                report.note(AmdRule.EQUIVALENCE_DUPLICATE, offset,
                        "CPU " + cpu.hex() + " is listed again with equivalence id " + EquivalenceTable.hex16(id));
            } else if (sameTable != null) {
                conflict(offset, cpu, sameTable, id, "this table");
            } else if (earlier != null && earlier != id) {
                conflict(offset, cpu, earlier, id, "an earlier container");
            }
        }
        thisTable.forEach(earlierTables::putIfAbsent);
    }

    private void conflict(long offset, CpuSignature cpu, int first, int second, String where) {
        report.note(AmdRule.EQUIVALENCE_CONFLICT, offset, "CPU " + cpu.hex() + " maps to "
                + EquivalenceTable.hex16(second) + " here but to " + EquivalenceTable.hex16(first) + " in " + where
                + "; loaders use the first");
    }
}
