package io.github.ucode4j.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What was seen of one CPU's load, for {@link LoadJudge#judge}.
 *
 * @param cpu the logical CPU number
 * @param vendor the vendor of the patch asked for
 * @param before the revision the CPU ran before the request, if it was read
 * @param after the revision the CPU runs after the request, if it could be read back
 * @param asked the revision of the patch asked for
 * @param answer what the backend said of the request
 * @param errno the operating system's error number, when the request failed with one
 * @param detail the backend's own words: how it asked (for a load) or why the request failed or was not made
 *     (for {@link LoadAnswer#FAILED}, {@link LoadAnswer#TIMED_OUT} and {@link LoadAnswer#NOT_ATTEMPTED}); may be
 *     empty
 */
public record LoadEvidence(int cpu, Vendor vendor, Optional<Revision> before, Optional<Revision> after, Revision asked,
                           LoadAnswer answer, OptionalInt errno, String detail) {

    /**
     * Requires non-null components.
     *
     * @param cpu the logical CPU number
     * @param vendor the vendor of the patch asked for; not null
     * @param before the revision before the request, or empty when it was not read; not null
     * @param after the revision after the request, or empty when it could not be read back; not null
     * @param asked the revision of the patch asked for; not null
     * @param answer what the backend said of the request; not null
     * @param errno the error number when the request failed with one, else empty; not null
     * @param detail the backend's own words, or the empty string; not null
     */
    public LoadEvidence {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(errno, "errno");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * The evidence of a request the backend made, with both revisions read and no errno.
     *
     * @param cpu the logical CPU number
     * @param vendor the vendor of the patch asked for; not null
     * @param before the revision read before the request; not null
     * @param after the revision read back after the request; not null
     * @param asked the revision of the patch asked for; not null
     * @param answer what the backend said of the request; not null
     * @param detail how the backend asked, or the empty string; not null
     * @return the evidence, with both revisions present and no errno
     */
    public static LoadEvidence of(int cpu, Vendor vendor, Revision before, Revision after, Revision asked, LoadAnswer answer,
                                  String detail) {
        return new LoadEvidence(cpu, vendor, Optional.of(before), Optional.of(after), asked, answer, OptionalInt.empty(), detail);
    }
}
