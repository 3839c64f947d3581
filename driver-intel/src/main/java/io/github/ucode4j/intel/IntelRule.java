package io.github.ucode4j.intel;

import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.RuleKind;

/**
 * The rules of Intel's microcode format that data can break. Each has its own code, {@code INTEL_} and the
 * constant's name.
 *
 * <p>Each declares its {@link RuleKind}: the loaders enforce it ({@code ERROR}), only iucode_tool's strict checks
 * add it ({@code STRICT_ONLY}), or it is an observation that never stops a parse ({@code WARNING});
 * {@link io.github.ucode4j.api.spi.ParseMode} says what each kind does in each mode.
 */
public enum IntelRule implements FormatRule {
    /** Fewer bytes than a 48-byte header remain after the last patch. */
    TRAILING_BYTES("a file must end where a patch ends", RuleKind.ERROR),
    /** Header version 2: an In-Field-Scan test image, which shares the header layout but is not microcode. */
    IN_FIELD_SCAN_IMAGE("an In-Field-Scan image (header version 2) is not microcode", RuleKind.ERROR),
    /** Header version other than 1 (and 2). */
    HEADER_VERSION("the header version must be 1", RuleKind.ERROR),
    /** Loader version other than 1. */
    LOADER_VERSION("the loader version must be 1", RuleKind.ERROR),
    /** A data size that is not a multiple of 4. */
    DATA_SIZE_ALIGNMENT("the data size must be a multiple of 4", RuleKind.ERROR),
    /** A total size that is not a multiple of 4. */
    TOTAL_SIZE_ALIGNMENT("the total size must be a multiple of 4", RuleKind.ERROR),
    /** Header plus data larger than the total size. */
    DATA_EXCEEDS_TOTAL("the 48-byte header and the data must fit in the total size", RuleKind.ERROR),
    /** A total size larger than the bytes left in the input: the file is truncated or the size is wrong. */
    TOTAL_SIZE_EXCEEDS_INPUT("the total size must not exceed the bytes left in the input", RuleKind.ERROR),
    /** The dwords of header and data do not sum to zero. */
    HEADER_CHECKSUM("the dwords of header and data must sum to zero", RuleKind.ERROR),
    /** The extended signature table's length is not 20 + 12 * count bytes. */
    EXTENDED_TABLE_SIZE("the extended signature table must be exactly 20 + 12 * count bytes", RuleKind.ERROR),
    /** The dwords of the extended signature table do not sum to zero. */
    EXTENDED_TABLE_CHECKSUM("the dwords of the extended signature table must sum to zero", RuleKind.ERROR),
    /** An extended entry's checksum does not balance the header's signature, flags and checksum. */
    EXTENDED_ENTRY_CHECKSUM("an extended signature's checksum must balance the header's signature, platform flags "
            + "and checksum", RuleKind.ERROR),
    /** A total size that is not a multiple of 1024 (iucode_tool's strict check). */
    TOTAL_SIZE_GRANULARITY("the total size must be a multiple of 1024", RuleKind.STRICT_ONLY),
    /** Revision 0 (iucode_tool's strict check). */
    ZERO_REVISION("the revision must not be zero", RuleKind.STRICT_ONLY),
    /** A date that is not valid packed BCD from 1995 on (iucode_tool's strict check). */
    DATE("the date must be packed BCD 0xMMDDYYYY with a year from 1995, a month 01-12 and a day 01-31",
            RuleKind.STRICT_ONLY),
    /** Platform flag bits above bit 7, which no CPU reports. */
    PLATFORM_FLAGS_WIDTH("platform flags have meaning in bits 0-7 only", RuleKind.WARNING),
    /**
     * A metadata block that is not whole dwords inside the data, laid with entries of whole dwords (each at least
     * its 8-byte type and size) up to its end or to an entry of type 0.
     */
    METADATA("the metadata block must be whole dwords inside the data, entries of whole dwords of at least 8 bytes "
            + "(type and size) filling it or ending with an entry of type 0", RuleKind.WARNING),
    /** Text that is not a {@code .dat} file's lines of comma-separated hex dwords and comments. */
    DAT_SYNTAX("a .dat file holds lines of comma-separated C hex dwords (0x...), each line's comment running from "
            + "a '/' to its end", RuleKind.ERROR);

    private final String rule;
    private final RuleKind kind;

    IntelRule(String rule, RuleKind kind) {
        this.rule = rule;
        this.kind = kind;
    }

    @Override
    public String code() {
        return "INTEL_" + name();
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public RuleKind kind() {
        return kind;
    }
}
