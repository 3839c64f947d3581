package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's equivalence table, as read: every entry in file order, the all-zero entry that ends it included when
 * it has one (AMD's newer tables do not).
 *
 * @param entries the entries
 */
public record EquivalenceTable(List<EquivalenceEntry> entries) {

    /**
     * Copies the entries.
     *
     * @param entries the entries in file order, the all-zero one included when present; not null
     * @throws NullPointerException when {@code entries} (or one of them) is null
     */
    public EquivalenceTable {
        entries = List.copyOf(entries);
    }

    /**
     * A table holding each distinct entry of {@code entries} once, in first-seen order, and the all-zero entry.
     *
     * @param entries the entries to combine, in order; an entry repeated is kept once
     * @return the combined table, ending with the all-zero entry
     * @throws IllegalArgumentException when one CPU is mapped to two equivalence ids
     */
    public static EquivalenceTable combining(List<EquivalenceEntry> entries) {
        return combining(entries, TableEnd.ZERO_ENTRY);
    }

    /**
     * A table holding each distinct entry of {@code entries} once, in first-seen order, ending as {@code end} says.
     *
     * @param entries the entries to combine, in order; an entry repeated is kept once
     * @param end whether the table ends with the all-zero entry
     * @return the combined table
     * @throws IllegalArgumentException when one CPU is mapped to two equivalence ids
     */
    public static EquivalenceTable combining(List<EquivalenceEntry> entries, TableEnd end) {
        Map<CpuSignature, EquivalenceEntry> byCpu = new LinkedHashMap<>();
        for (EquivalenceEntry entry : entries) {
            EquivalenceEntry earlier = byCpu.putIfAbsent(entry.installedCpu(), entry);
            if (earlier != null && earlier.equivalenceId() != entry.equivalenceId()) {
                throw new IllegalArgumentException("CPU " + entry.installedCpu().hex() + " maps to equivalence ids "
                        + hex16(earlier.equivalenceId()) + " and " + hex16(entry.equivalenceId()));
            }
        }
        List<EquivalenceEntry> table = new ArrayList<>(byCpu.values());
        if (end == TableEnd.ZERO_ENTRY) {
            table.add(EquivalenceEntry.TERMINATOR);
        }
        return new EquivalenceTable(table);
    }

    /**
     * The length of the table section in bytes.
     *
     * @return 16 bytes per entry, the all-zero one included when the table has it
     */
    public int length() {
        return entries.size() * EquivalenceEntry.SIZE;
    }

    /**
     * The equivalence id of the first entry for {@code cpu}, as Linux and Xen look it up.
     *
     * @param cpu the CPU's signature
     * @return the id, or empty when no entry names the CPU
     */
    public Optional<Integer> equivalenceIdOf(CpuSignature cpu) {
        return entries.stream()
                .filter(entry -> !entry.isTerminator() && entry.installedCpu().equals(cpu))
                .map(EquivalenceEntry::equivalenceId)
                .findFirst();
    }

    /**
     * The entries (terminator excluded) that map a CPU to {@code equivalenceId}, in table order.
     *
     * @param equivalenceId the id a patch carries in {@code processor_rev_id}
     * @return those entries; empty when none has that id
     */
    public List<EquivalenceEntry> entriesFor(int equivalenceId) {
        return entries.stream()
                .filter(entry -> !entry.isTerminator() && entry.equivalenceId() == equivalenceId)
                .toList();
    }

    static String hex16(int value) {
        return String.format("0x%04x", value);
    }
}
