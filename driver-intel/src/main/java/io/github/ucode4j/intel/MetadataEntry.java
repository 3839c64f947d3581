package io.github.ucode4j.intel;

/**
 * One entry of the metadata block at the end of the data area. Loaders ignore the block; In-Field-Scan and newer
 * patches use it.
 *
 * @param type the entry type (0 ends the chain)
 * @param size the entry's length in bytes, including its 8-byte type and size
 * @param offset the entry's offset within the patch
 */
public record MetadataEntry(int type, int size, int offset) {
}
