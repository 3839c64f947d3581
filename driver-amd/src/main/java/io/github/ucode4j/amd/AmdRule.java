package io.github.ucode4j.amd;

import io.github.ucode4j.api.FormatRule;
import io.github.ucode4j.api.RuleKind;

/**
 * The rules of the AMD container format. Each declares its {@link RuleKind}: rules marked <em>strict</em>
 * ({@code STRICT_ONLY}) are not enforced by the Linux and Xen loaders, rules marked <em>finding</em>
 * ({@code WARNING}, {@code INFO}) never reject data, the others ({@code ERROR}) are the loaders';
 * {@link io.github.ucode4j.api.spi.ParseMode} says what each kind does in each mode.
 */
public enum AmdRule implements FormatRule {
    /** Fewer than the 12 bytes of a container header remain. */
    CONTAINER_TRUNCATED("a container must start with 12 bytes: magic, table type and table length", RuleKind.ERROR),
    /** The container does not start with the magic. */
    MAGIC("a container must start with the magic 0x00414d44", RuleKind.ERROR),
    /** The first section is not an equivalence table. */
    EQUIVALENCE_TYPE("the first section of a container must be the equivalence table, type 0", RuleKind.ERROR),
    /** The table length is below 16 or not a multiple of 16. */
    EQUIVALENCE_LENGTH("the equivalence table length must be a non-zero multiple of 16", RuleKind.ERROR),
    /** The table claims more bytes than remain. */
    EQUIVALENCE_TRUNCATED("the equivalence table length must not exceed the bytes left in the input",
            RuleKind.ERROR),
    /** Strict: an entry with installed_cpu 0 before the last one, where Xen stops reading the table and Linux reads on. */
    EQUIVALENCE_EARLY_END("an entry with installed_cpu 0 may only end the equivalence table: Xen stops reading at it",
            RuleKind.STRICT_ONLY),
    /**
     * Finding (a warning): the table does not end with an all-zero entry, as AMD's newer tables do not. Linux and Xen
     * 4.18.4, 4.19.1 and later size the table by its length; older Xen refuses the container.
     */
    EQUIVALENCE_NO_END_ENTRY("an equivalence table should end with an all-zero entry: Xen 4.17, 4.18.0 to 4.18.3 and 4.19.0 "
            + "refuse a table without one", RuleKind.WARNING),
    /** Finding: one CPU listed twice with the same equivalence id. */
    EQUIVALENCE_DUPLICATE("each CPU should appear once in an equivalence table", RuleKind.WARNING),
    /** Finding: one CPU mapped to two different equivalence ids. */
    EQUIVALENCE_CONFLICT("a CPU should map to one equivalence id in every table", RuleKind.WARNING),
    /**
     * Strict: a patch before family 0x17 whose equivalence id no table entry maps to (for a raw patch, no entry of
     * AMD's published tables).
     */
    EQUIVALENCE_MISSING("a patch's processor_rev_id must appear in its container's equivalence table",
            RuleKind.STRICT_ONLY),
    /** Fewer than the 8 bytes of a section header remain. */
    SECTION_TRUNCATED("a section must start with 8 bytes: type and size", RuleKind.ERROR),
    /** A section that is neither a patch nor the start of the next container. */
    SECTION_TYPE("after the equivalence table must come patch sections (type 1) or the next container", RuleKind.ERROR),
    /** The patch is shorter than its header. */
    PATCH_TOO_SHORT("a patch must hold at least its 64-byte header", RuleKind.ERROR),
    /** The patch claims more bytes than remain. */
    PATCH_TRUNCATED("a patch's size must not exceed the bytes left in the input", RuleKind.ERROR),
    /** The patch is larger than its family allows. */
    PATCH_TOO_LARGE("a patch must be no larger than its family allows", RuleKind.ERROR),
    /** Strict: the patch starts with a container's magic, as a container wrapped in a patch section does. */
    NESTED_CONTAINER("a patch must not start with a container's magic: containers do not nest",
            RuleKind.STRICT_ONLY),
    /** The patch names a north- or south-bridge device. */
    CHIPSET_SPECIFIC("nb_dev_id and sb_dev_id must be zero: the loaders do not support chipset-specific patches",
            RuleKind.ERROR),
    /** Finding: a Zen patch whose patch_id names a CPU its container's table does not map to its equivalence id. */
    ZEN_ID_MISMATCH("a Zen patch_id should encode a CPU that its container's table maps to the patch's processor_rev_id",
            RuleKind.WARNING),
    /** Finding (information): the input is one patch without a container, which the writers put in one. */
    RAW_PATCH("the loaders read patches from containers: a raw patch is written into one", RuleKind.INFO);

    private final String rule;
    private final RuleKind kind;

    AmdRule(String rule, RuleKind kind) {
        this.rule = rule;
        this.kind = kind;
    }

    /** {@code AMD_} and the constant's name. */
    @Override
    public String code() {
        return "AMD_" + name();
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
