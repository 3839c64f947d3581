package io.github.ucode4j.intel;

/** Offsets and sizes of Intel's microcode layout (little-endian dwords). */
final class IntelLayout {
    static final int HEADER_SIZE = 48;
    static final int HEADER_VERSION = 0;
    static final int REVISION = 4;
    static final int DATE = 8;
    static final int SIGNATURE = 12;
    static final int CHECKSUM = 16;
    static final int LOADER_VERSION = 20;
    static final int PLATFORM_FLAGS = 24;
    static final int DATA_SIZE = 28;
    static final int TOTAL_SIZE = 32;
    static final int METADATA_SIZE = 36;
    static final int MIN_REQUIRED_REVISION = 40;
    static final int RESERVED = 44;

    /** A data size field of 0 stands for this much data... */
    static final int DEFAULT_DATA_SIZE = 2000;
    /** ...and then the total size is this, whatever its field says. */
    static final int DEFAULT_TOTAL_SIZE = 2048;

    static final int EXTENDED_HEADER_SIZE = 20;
    static final int EXTENDED_ENTRY_SIZE = 12;

    static final int IN_FIELD_SCAN_HEADER_VERSION = 2;

    private IntelLayout() {
    }
}
