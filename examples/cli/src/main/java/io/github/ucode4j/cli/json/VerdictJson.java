package io.github.ucode4j.cli.json;

import io.github.ucode4j.api.Verdict;

/**
 * The planner's decision for one CPU: {@code verdict} is a {@link io.github.ucode4j.api.VerdictKind} name
 * ({@code UPDATE}, {@code UP_TO_DATE}, {@code NO_PATCH}, ...), {@code reason} says why, and {@code patch} is the
 * patch to load or the one the reason is about (null when none).
 *
 * @param cpu the CPU's number
 * @param verdict the verdict, a {@link io.github.ucode4j.api.VerdictKind} name
 * @param reason why, in words
 * @param patch the patch to load or the one the reason is about, or null when none
 */
public record VerdictJson(int cpu, String verdict, String reason, PatchJson patch) {

    /**
     * The DTO for {@code verdict}.
     *
     * @param verdict one CPU's verdict
     * @return the document part for that verdict, the patch null when there is none
     */
    public static VerdictJson of(Verdict verdict) {
        return new VerdictJson(verdict.cpu(), verdict.kind().name(), verdict.reason(), PatchJson.ofNullable(verdict.patch()));
    }
}
