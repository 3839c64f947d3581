package io.github.ucode4j.cache;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PatchTarget;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Vendor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which patches a cache keeps, with iucode_tool's meaning: signature filters ({@code -s}) and the platform's own
 * signatures ({@code --scan-system}) in the order given, a later one overriding an earlier one for the same
 * patch; then a date range (strict, or loose: {@link Builder#looseDates}) and a vendor. With no signature filter, everything is selected; with only
 * exclusions, everything else is; with any inclusion (or {@link Builder#requireExplicitInclusion()}, iucode_tool's
 * {@code -s !}), only what an inclusion selects.
 *
 * <p>Immutable.
 */
public final class Selection {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final List<Rule> rules;
    private final boolean requireInclusion;
    private final Optional<Integer> before;
    private final Optional<Integer> after;
    private final Optional<Vendor> vendor;
    /** Under loose dates, the platform masks of the revisions in the date range, by signature. */
    private final Map<CpuSignature, List<Integer>> masksInDateRange;

    private record Rule(boolean exclude, String description, BiPredicate<PatchTarget, MicrocodePatch> matches) {
    }

    private Selection(Builder builder) {
        this.rules = List.copyOf(builder.rules);
        this.requireInclusion = builder.requireInclusion || rules.stream().anyMatch(r -> !r.exclude());
        this.before = builder.before;
        this.after = builder.after;
        this.vendor = builder.vendor;
        Map<CpuSignature, List<Integer>> inRange = new HashMap<>();
        for (MicrocodePatch patch : builder.looseDateCandidates) {
            if (inDateRange(patch)) {
                patch.targets().forEach(target ->
                        inRange.computeIfAbsent(target.signature(), s -> new ArrayList<>()).add(target.platformFlags().mask()));
            }
        }
        this.masksInDateRange = Map.copyOf(inRange);
    }

    /**
     * Selects everything.
     *
     * @return a selection for which {@link #isAll()} holds
     */
    public static Selection all() {
        return builder().build();
    }

    /**
     * A selection to assemble.
     *
     * @return an empty builder, which builds a selection of everything
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the patch is selected for {@code target}, one of its signatures.
     *
     * @param target the signature and platform mask the patch is considered for, one of {@code patch}'s targets
     * @param patch the patch; not null
     * @return whether the vendor, the date range and the last signature filter that matches {@code target} keep the
     *     patch there
     */
    public boolean selects(PatchTarget target, MicrocodePatch patch) {
        if (vendor.isPresent() && vendor.get() != patch.vendor()) {
            return false;
        }
        if (!inDateRange(patch) && !anotherRevisionInDateRange(target)) {
            return false;
        }
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.matches().test(target, patch)) {
                return !rule.exclude();
            }
        }
        return !requireInclusion;
    }

    // The same microcode is the same signature for platforms in common (masks sharing a bit, or both without one).
    private boolean anotherRevisionInDateRange(PatchTarget target) {
        int mask = target.platformFlags().mask();
        return masksInDateRange.getOrDefault(target.signature(), List.of()).stream()
                .anyMatch(other -> other == mask || (other & mask) != 0);
    }

    private boolean inDateRange(MicrocodePatch patch) {
        if (before.isEmpty() && after.isEmpty()) {
            return true;
        }
        Optional<Integer> date = patch.date().map(Selection::packed);
        return date.isPresent() && before.map(b -> date.get() < b).orElse(true) && after.map(a -> date.get() > a).orElse(true);
    }

    /**
     * Whether this selects everything.
     *
     * @return {@code true} when no filter, date or vendor was given
     */
    public boolean isAll() {
        return rules.isEmpty() && !requireInclusion && before.isEmpty() && after.isEmpty() && vendor.isEmpty();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        rules.forEach(r -> parts.add(r.description()));
        if (requireInclusion && rules.stream().allMatch(Rule::exclude)) {
            parts.add(0, "only explicit inclusions");
        }
        before.ifPresent(b -> parts.add("dated before " + unpacked(b)));
        after.ifPresent(a -> parts.add("dated after " + unpacked(a)));
        vendor.ifPresent(v -> parts.add("vendor " + v));
        return parts.isEmpty() ? "all patches" : String.join(", ", parts);
    }

    private static int packed(LocalDate date) {
        return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    private static String unpacked(int date) {
        return String.format("%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
    }

    /** Assembles a {@link Selection}; the order of filter calls matters, later ones overriding earlier ones. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private boolean requireInclusion;
        private Optional<Integer> before = Optional.empty();
        private Optional<Integer> after = Optional.empty();
        private Optional<Vendor> vendor = Optional.empty();
        private List<MicrocodePatch> looseDateCandidates = List.of();

        private Builder() {
        }

        /**
         * Adds a filter in iucode_tool's {@code -s} syntax; a lone {@code !} requires explicit inclusion.
         *
         * @param filter {@code [!]signature[,[pf_mask][,[eq:|lt:|gt:]revision]]}, or {@code !}
         * @return this builder
         * @throws InvalidFilterException when the text does not parse
         */
        public Builder signature(String filter) {
            if (filter.strip().equals("!")) {
                return requireExplicitInclusion();
            }
            return signature(SignatureFilter.parse(filter));
        }

        /**
         * Adds a parsed signature filter.
         *
         * @param filter the filter; not null
         * @return this builder
         */
        public Builder signature(SignatureFilter filter) {
            rules.add(new Rule(filter.exclude(), (filter.exclude() ? "not " : "") + "signature " + filter.signature().hex()
                    + filter.platformFlags().map(pf -> " pf " + pf).orElse("")
                    + filter.revision().map(r -> " rev " + r.operator().name().toLowerCase(Locale.ROOT) + " " + r.revision()).orElse(""),
                    filter::matches));
            return this;
        }

        /**
         * Selects nothing that no inclusion selects (iucode_tool's {@code -s !}).
         *
         * @return this builder
         */
        public Builder requireExplicitInclusion() {
            requireInclusion = true;
            return this;
        }

        /**
         * Includes the exact signatures of every CPU of {@code platform} (iucode_tool's {@code --scan-system=exact}).
         *
         * @param platform the machine whose CPUs' signatures to include; CPUs whose signature is unknown add nothing
         * @return this builder
         */
        public Builder platform(Platform platform) {
            Set<CpuSignature> signatures = new TreeSet<>();
            for (PlatformCpu cpu : platform.cpus()) {
                cpu.state().signature().ifPresent(signatures::add);
            }
            rules.add(new Rule(false, "the signatures of this machine " + signatures,
                    (target, patch) -> signatures.contains(target.signature())));
            return this;
        }

        /**
         * Keeps only patches dated strictly before {@code isoDate} ({@code YYYY-MM-DD}, not range-checked, as in
         * iucode_tool: {@code 2000-00-00} is before every real date).
         *
         * @param isoDate the date, {@code YYYY-MM-DD}; surrounding white space is ignored
         * @return this builder
         * @throws InvalidFilterException when the text is not {@code YYYY-MM-DD}
         */
        public Builder dateBefore(String isoDate) {
            before = Optional.of(parseDate(isoDate));
            return this;
        }

        /**
         * Keeps only patches dated strictly after {@code isoDate}; see {@link #dateBefore}.
         *
         * @param isoDate the date, {@code YYYY-MM-DD}; surrounding white space is ignored
         * @return this builder
         * @throws InvalidFilterException when the text is not {@code YYYY-MM-DD}
         */
        public Builder dateAfter(String isoDate) {
            after = Optional.of(parseDate(isoDate));
            return this;
        }

        /**
         * Makes the date range loose, as iucode_tool's {@code --loose-date-filtering}: every revision of a
         * microcode (a signature, for platforms its masks share) passes it when one of its revisions in
         * {@code patches}, the patches read, is dated within it; the other filters still apply. Without a date
         * range this changes nothing.
         *
         * @param patches every patch read, of which the selection is made; not null
         * @return this builder
         */
        public Builder looseDates(Collection<MicrocodePatch> patches) {
            looseDateCandidates = List.copyOf(patches);
            return this;
        }

        /**
         * Keeps only this vendor's patches.
         *
         * @param only the vendor whose patches to keep; not null
         * @return this builder
         */
        public Builder vendor(Vendor only) {
            vendor = Optional.of(only);
            return this;
        }

        /**
         * The selection.
         *
         * @return a new, immutable selection of the filters added so far; this builder may go on
         */
        public Selection build() {
            return new Selection(this);
        }

        private static int parseDate(String text) {
            Matcher m = ISO_DATE.matcher(text.strip());
            if (!m.matches()) {
                throw new InvalidFilterException("invalid date '" + text + "': expected YYYY-MM-DD");
            }
            return Integer.parseInt(m.group(1)) * 10000 + Integer.parseInt(m.group(2)) * 100 + Integer.parseInt(m.group(3));
        }
    }
}
