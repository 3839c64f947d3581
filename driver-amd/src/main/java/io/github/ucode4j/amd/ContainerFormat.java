package io.github.ucode4j.amd;

/** The constants of the container layout. */
final class ContainerFormat {
    /** "DMA\0" read as a little-endian u32. */
    static final int MAGIC = 0x00414d44;
    static final int EQUIVALENCE_TABLE_TYPE = 0;
    static final int PATCH_TYPE = 1;
    /** Magic, table type and table length. */
    static final int CONTAINER_HEADER_SIZE = 12;
    /** Section type and size. */
    static final int SECTION_HEADER_SIZE = 8;

    private ContainerFormat() {
    }
}
