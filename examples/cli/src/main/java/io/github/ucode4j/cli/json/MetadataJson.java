package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.intel.IntelPatchDetails;
import io.github.ucode4j.intel.MetadataEntry;
import java.util.List;

/**
 * One entry of an Intel patch's metadata block: its {@code type}, what the type {@code meaning} is where Intel has
 * published it (else null), its {@code offset} within the patch, its {@code size} in bytes (counting its own type
 * and size), and its {@code payload} as hex dwords.
 *
 * @param type the entry's type, unsigned
 * @param meaning what the type means, or null where Intel has not published it
 * @param offset the entry's offset within the patch, in bytes
 * @param size the entry's length in bytes, its own type and size included
 * @param payload the payload's dwords, each as {@code 0x} and eight hex digits
 */
public record MetadataJson(long type, String meaning, int offset, int size, List<String> payload) {

    /**
     * The DTO for {@code entry}.
     *
     * @param entry a metadata entry of an Intel patch
     * @return the document part for that entry, its payload as hex dwords, its meaning null where unpublished
     */
    public static MetadataJson of(MetadataEntry entry) {
        return new MetadataJson(Integer.toUnsignedLong(entry.type()), entry.meaning().orElse(null), entry.offset(),
                entry.size(), entry.payloadDwords().stream().map(dword -> String.format("0x%08x", dword)).toList());
    }

    /**
     * The entries of {@code patch}'s metadata block; none for a patch without one, or of another vendor.
     *
     * @param patch the patch, of any vendor
     * @return one document part per entry, in block order
     */
    public static List<MetadataJson> of(MicrocodePatch patch) {
        return patch.details() instanceof IntelPatchDetails intel
                ? intel.metadata().stream().map(MetadataJson::of).toList()
                : List.of();
    }
}
