package io.github.ucode4j.api;

/**
 * A rule of a microcode format that data can break. Each driver has an enum of its rules; {@link InputRule} holds
 * the ones that are about the input rather than a vendor's format.
 */
public interface FormatRule {

    /**
     * A stable identifier, for programs and tests ({@code "INTEL_HEADER_CHECKSUM"}).
     *
     * @return the rule's code, upper case with underscores, unique among all rules and stable across releases
     */
    String code();

    /**
     * The rule, stated briefly for a person ({@code "the dwords of header and data must sum to zero"}).
     *
     * @return one short sentence, without a final full stop
     */
    String rule();

    /**
     * What breaking the rule does: rejected by the loaders, by strict checks only, or only reported.
     *
     * @return whether breaking the rule rejects the data always, under strict checks only, or never
     */
    RuleKind kind();
}
