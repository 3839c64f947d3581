package io.github.ucode4j.api;

/**
 * A rule of a microcode format that data can break. Each driver has an enum of its rules; {@link InputRule} holds
 * the ones that are about the input rather than a vendor's format.
 */
public interface FormatRule {

    /** A stable identifier, for programs and tests ({@code "INTEL_HEADER_CHECKSUM"}). */
    String code();

    /** The rule, stated briefly for a person ({@code "the dwords of header and data must sum to zero"}). */
    String rule();

    /** What breaking the rule does: rejected by the loaders, by strict checks only, or only reported. */
    RuleKind kind();
}
