package io.github.ucode4j.intel;

import java.util.List;

/**
 * The extended signature table after the data: a 20-byte header ({@code count}, {@code checksum}, 12 reserved
 * bytes) and {@code count} 12-byte entries.
 *
 * @param count the entry count as stored
 * @param checksum the table checksum as stored
 * @param entries the entries, in file order
 */
public record ExtendedSignatureTable(int count, int checksum, List<ExtendedSignature> entries) {

    /**
     * Copies the entries.
     *
     * @param count the entry count as stored; the parser checks it against the entries it read
     * @param checksum the table checksum as stored
     * @param entries the entries, in file order; not null
     */
    public ExtendedSignatureTable {
        entries = List.copyOf(entries);
    }

    /**
     * The table's length in bytes.
     *
     * @return the bytes the table takes in the patch: its 20-byte header and 12 bytes per entry
     */
    public int length() {
        return IntelLayout.EXTENDED_HEADER_SIZE + IntelLayout.EXTENDED_ENTRY_SIZE * entries.size();
    }
}
