package io.github.ucode4j.intel;

import io.github.ucode4j.api.PatchDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every field of an Intel patch: the 48-byte header as stored, the metadata block and the extended signature
 * table. Sizes are the raw fields; {@link #effectiveDataSize()} and {@link #effectiveTotalSize()} apply the rule
 * that a data size of 0 means 2000 bytes of data in a 2048-byte patch.
 *
 * @param headerVersion {@code hdrver}, 1 for microcode
 * @param revision {@code rev}, the update revision (raw 32 bits)
 * @param date {@code date}, packed BCD
 * @param signature {@code sig}, the processor signature
 * @param checksum {@code cksum}
 * @param loaderVersion {@code ldrver}, 1
 * @param platformFlags {@code pf}, the raw platform-flags mask
 * @param dataSize {@code datasize} as stored (0 for the 2000-byte default)
 * @param totalSize {@code totalsize} as stored (ignored when {@code datasize} is 0)
 * @param metadataSize {@code metasize}: bytes of metadata at the end of the data, or 0
 * @param minimumRequiredRevision {@code min_req_ver}: the running revision a safe late load needs, or 0
 * @param reserved the last header dword, zero in every known file
 * @param metadata the metadata block's entries with their payloads, empty when there is none or it is malformed
 * @param extendedTable the extended signature table, when the patch has one
 */
public record IntelPatchDetails(int headerVersion, int revision, IntelDate date, int signature, int checksum,
                                int loaderVersion, int platformFlags, int dataSize, int totalSize,
                                int metadataSize, int minimumRequiredRevision, int reserved,
                                List<MetadataEntry> metadata, Optional<ExtendedSignatureTable> extendedTable)
        implements PatchDetails {

    /**
     * Copies the metadata list.
     *
     * @param headerVersion {@code hdrver} as stored
     * @param revision {@code rev} as stored, raw 32 bits
     * @param date {@code date} as stored; not null
     * @param signature {@code sig}, CPUID(1).EAX
     * @param checksum {@code cksum} as stored
     * @param loaderVersion {@code ldrver} as stored
     * @param platformFlags {@code pf}, the raw mask
     * @param dataSize {@code datasize} as stored, 0 for the fixed layout
     * @param totalSize {@code totalsize} as stored
     * @param metadataSize {@code metasize} as stored, 0 when there is no metadata
     * @param minimumRequiredRevision {@code min_req_ver} as stored, 0 when the patch names none
     * @param reserved the last header dword as stored
     * @param metadata the metadata entries in file order; not null, empty when there are none
     * @param extendedTable the extended signature table, or empty; not null
     * @throws NullPointerException when {@code date}, {@code metadata} (or one of its entries) or
     *     {@code extendedTable} is null
     */
    public IntelPatchDetails {
        Objects.requireNonNull(date, "date");
        metadata = List.copyOf(metadata);
        Objects.requireNonNull(extendedTable, "extendedTable");
    }

    /**
     * Whether the patch uses the old fixed layout: a data size field of 0.
     *
     * @return true when {@code datasize} is 0, and the sizes are 2000 and 2048 bytes whatever {@code totalsize} says
     */
    public boolean usesDefaultSizes() {
        return dataSize == 0;
    }

    /**
     * The bytes of data after the header: {@code datasize}, or 2000 when that field is 0.
     *
     * @return the data's length in bytes, metadata included
     */
    public int effectiveDataSize() {
        return usesDefaultSizes() ? IntelLayout.DEFAULT_DATA_SIZE : dataSize;
    }

    /**
     * The patch's length in bytes: {@code totalsize}, or 2048 when {@code datasize} is 0.
     *
     * @return the length of header, data and extended table together, in bytes
     */
    public int effectiveTotalSize() {
        return usesDefaultSizes() ? IntelLayout.DEFAULT_TOTAL_SIZE : totalSize;
    }

    /**
     * The extended entries, empty when there is no table.
     *
     * @return the extended table's entries in file order, or an empty list when the patch has no table
     */
    public List<ExtendedSignature> extendedSignatures() {
        return extendedTable.map(ExtendedSignatureTable::entries).orElse(List.of());
    }

    /**
     * The header fields by their names in Intel's layout, in header order, as unsigned numbers (the date as
     * {@code yyyy-mm-dd}); then the metadata entries (type, size and payload dwords) and the extended table, when
     * present.
     */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("hdrver", unsigned(headerVersion));
        fields.put("rev", unsigned(revision));
        fields.put("date", date.toString());
        fields.put("sig", unsigned(signature));
        fields.put("cksum", unsigned(checksum));
        fields.put("ldrver", unsigned(loaderVersion));
        fields.put("pf", unsigned(platformFlags));
        fields.put("datasize", unsigned(dataSize));
        fields.put("totalsize", unsigned(totalSize));
        fields.put("metasize", unsigned(metadataSize));
        fields.put("min_req_ver", unsigned(minimumRequiredRevision));
        fields.put("reserved", unsigned(reserved));
        if (!metadata.isEmpty()) {
            fields.put("metadata", metadata.stream()
                    .map(m -> ordered("type", unsigned(m.type()), "size", unsigned(m.size()), "payload",
                            m.payloadDwords()))
                    .toList());
        }
        extendedTable.ifPresent(table -> {
            fields.put("ext_count", unsigned(table.count()));
            fields.put("ext_cksum", unsigned(table.checksum()));
            fields.put("ext_signatures", table.entries().stream()
                    .map(e -> ordered("sig", unsigned(e.signature()), "pf", unsigned(e.platformFlags()),
                            "cksum", unsigned(e.checksum())))
                    .toList());
        });
        return fields;
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static Long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }
}
