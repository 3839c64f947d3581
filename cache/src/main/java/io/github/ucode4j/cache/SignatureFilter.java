package io.github.ucode4j.cache;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code -s} filter in iucode_tool's syntax: {@code [!]signature[,[pf_mask][,[eq:|lt:|gt:]revision]]}.
 * Numbers are C literals: {@code 0x} hex, leading {@code 0} octal, else decimal.
 *
 * @param exclude whether the filter deselects ({@code !}) rather than selects
 * @param signature the processor signature to match
 * @param platformFlags when given and not zero, only patches suitable for at least one platform in this mask
 * @param revision when given, the comparison a patch's revision must pass
 */
public record SignatureFilter(boolean exclude, CpuSignature signature, Optional<PlatformFlags> platformFlags,
                              Optional<RevisionCondition> revision) {

    /**
     * Requires non-null components.
     *
     * @param exclude whether the filter deselects rather than selects
     * @param signature the processor signature to match; not null
     * @param platformFlags the platform mask, or empty; not null
     * @param revision the revision condition, or empty; not null
     */
    public SignatureFilter {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(platformFlags, "platformFlags");
        Objects.requireNonNull(revision, "revision");
    }

    /**
     * Parses one filter, without the {@code -s}.
     *
     * @param text the filter, such as {@code 0x50654,0xb7,gt:0x2006e05} or {@code !0x906ea}; surrounding white space is
     *     ignored
     * @return the filter
     * @throws InvalidFilterException naming the text and the part that is wrong
     */
    public static SignatureFilter parse(String text) {
        String body = text.strip();
        boolean exclude = body.startsWith("!");
        if (exclude) {
            body = body.substring(1);
        }
        String[] parts = body.split(",", -1);
        if (parts.length > 3 || parts[0].isEmpty()) {
            throw new InvalidFilterException("invalid filter '" + text + "': expected [!]signature[,[pf_mask][,[eq:|lt:|gt:]revision]]");
        }
        CpuSignature signature = CpuSignature.of((int) number(parts[0], text, "signature", 0xffffffffL));
        Optional<PlatformFlags> mask = parts.length > 1 && !parts[1].isEmpty()
                ? Optional.of(PlatformFlags.of((int) number(parts[1], text, "pf_mask", 0xff)))
                : Optional.empty();
        Optional<RevisionCondition> revision = parts.length > 2 && !parts[2].isEmpty()
                ? Optional.of(RevisionCondition.parse(parts[2], text))
                : Optional.empty();
        return new SignatureFilter(exclude, signature, mask, revision);
    }

    /**
     * Whether the filter's signature, mask and revision conditions all hold for {@code target} of {@code patch}.
     *
     * @param target one of {@code patch}'s targets; not null
     * @param patch the patch; not null
     * @return whether the filter matches the patch there; the caller decides what {@link #exclude()} makes of it
     */
    public boolean matches(PatchTarget target, MicrocodePatch patch) {
        return target.signature().equals(signature)
                && platformFlags.map(m -> m.mask() == 0 || (m.mask() & target.platformFlags().mask()) != 0).orElse(true)
                && revision.map(r -> r.test(patch.revision())).orElse(true);
    }

    static long number(String literal, String filter, String what, long max) {
        String digits = literal.strip();
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
            radix = 16;
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            digits = digits.substring(1);
            radix = 8;
        }
        try {
            if (!isCDigits(digits, radix)) {
                throw new NumberFormatException();
            }
            long value = Long.parseLong(digits, radix);
            if (value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidFilterException("invalid " + what + " '" + literal + "' in filter '" + filter
                    + "': expected a number up to 0x" + Long.toHexString(max) + " (0x hex, 0 octal, or decimal)");
        }
    }

    /** Whether {@code digits} are ASCII digits of {@code radix}, as C reads them; parseLong also takes signs and other scripts. */
    private static boolean isCDigits(String digits, int radix) {
        return !digits.isEmpty() && digits.chars().allMatch(c -> c < 0x80 && Character.digit(c, radix) >= 0);
    }

    /**
     * A revision condition: equal to, less than or greater than a revision, compared as the loaders compare
     * (unsigned).
     *
     * @param operator the comparison
     * @param revision the revision compared with
     */
    public record RevisionCondition(Operator operator, Revision revision) {

        /** The comparisons iucode_tool offers. */
        public enum Operator {
            /** {@code eq:} (or no prefix): the same revision. */
            EQ,
            /** {@code lt:}: an older revision. */
            LT,
            /** {@code gt:}: a newer revision. */
            GT
        }

        static RevisionCondition parse(String text, String filter) {
            Operator operator = Operator.EQ;
            String value = text;
            for (Operator candidate : Operator.values()) {
                String prefix = candidate.name().toLowerCase(Locale.ROOT) + ":";
                if (text.startsWith(prefix)) {
                    operator = candidate;
                    value = text.substring(prefix.length());
                }
            }
            return new RevisionCondition(operator, Revision.of((int) number(value, filter, "revision", 0xffffffffL)));
        }

        /**
         * Whether {@code candidate} passes.
         *
         * @param candidate the revision of a patch; not null
         * @return whether it stands in this condition's relation to {@link #revision()}, compared unsigned
         */
        public boolean test(Revision candidate) {
            int order = candidate.compareTo(revision);
            return switch (operator) {
                case EQ -> order == 0;
                case LT -> order < 0;
                case GT -> order > 0;
            };
        }
    }
}
