package io.github.ucode4j.amd;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchDetails;
import io.github.ucode4j.api.PatchOrigin;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.Vendor;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The AMD fields of a {@link io.github.ucode4j.api.MicrocodePatch}: its header, and the entries of its container's
 * equivalence table that map a CPU to its equivalence id. A raw patch has no container: before family 0x17 its
 * entries are those of AMD's published tables, from 0x17 on it has none (its patch id names its CPU).
 *
 * @param header the 64-byte patch header
 * @param equivalenceEntries the table entries whose {@code equiv_cpu} equals the header's {@code processor_rev_id},
 *     in table order
 */
public record AmdPatchDetails(AmdPatchHeader header, List<EquivalenceEntry> equivalenceEntries) implements PatchDetails {

    /**
     * Copies the entries.
     *
     * @param header the 64-byte patch header; not null
     * @param equivalenceEntries the table entries for the header's equivalence id, in table order; not null, empty
     *     for a raw patch of family 0x17 or later
     * @throws NullPointerException when {@code header} or {@code equivalenceEntries} (or one of them) is null
     */
    public AmdPatchDetails {
        Objects.requireNonNull(header, "header");
        equivalenceEntries = List.copyOf(equivalenceEntries);
    }

    /** The patch these details describe, for {@code targets}, of {@code bytes} (header and body) read at {@code origin}. */
    MicrocodePatch toPatch(List<PatchTarget> targets, ByteBuffer bytes, PatchOrigin origin) {
        return new MicrocodePatch(Vendor.AMD, header.revision(), header.date(), targets, header.minimumRevision(), bytes,
                origin, this);
    }

    /**
     * The equivalence id: the header's {@code processor_rev_id}.
     *
     * @return the id, 16 bits
     */
    public int equivalenceId() {
        return header.processorRevId();
    }

    /**
     * The CPUs the container's table maps to this patch's equivalence id, in table order, each once.
     *
     * @return those CPUs' signatures; empty when the patch has no entry
     */
    public List<CpuSignature> installedCpus() {
        return equivalenceEntries.stream().map(EquivalenceEntry::installedCpu).distinct().toList();
    }

    /** The header fields in header order, then {@code equiv_id} and {@code installed_cpus} (as hex strings). */
    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("data_code", unsigned(header.dataCode()));
        fields.put("patch_id", unsigned(header.patchId()));
        fields.put("mc_patch_data_id", header.patchDataId());
        fields.put("mc_patch_data_len", header.patchDataLength());
        fields.put("init_flag", header.initFlag());
        fields.put("mc_patch_data_checksum", unsigned(header.patchDataChecksum()));
        fields.put("nb_dev_id", unsigned(header.nbDevId()));
        fields.put("sb_dev_id", unsigned(header.sbDevId()));
        fields.put("processor_rev_id", header.processorRevId());
        fields.put("nb_rev_id", header.nbRevId());
        fields.put("sb_rev_id", header.sbRevId());
        fields.put("bios_api_rev", header.biosApiRev());
        fields.put("reserved", header.reserved());
        fields.put("match_reg", header.matchRegisters().stream().map(AmdPatchDetails::unsigned).toList());
        fields.put("equiv_id", equivalenceId());
        fields.put("installed_cpus", installedCpus().stream().map(CpuSignature::hex).toList());
        return Collections.unmodifiableMap(fields);
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }
}
