package io.github.ucode4j.api.spi;

import io.github.ucode4j.api.RuleKind;

/**
 * How strictly a driver checks what it parses. Every rule a driver checks has a {@link RuleKind}, and the mode
 * decides what breaking it does, the same for every driver ({@link ParseReporter} decides it):
 * <table>
 * <caption>What a broken rule does, by its kind and the mode</caption>
 * <tr><th>kind</th><th>STRICT</th><th>LENIENT</th><th>RECOVER</th></tr>
 * <tr><td>{@link RuleKind#ERROR ERROR}</td><td>rejects the input</td><td>rejects the input</td>
 *     <td>skips the patch (or container) that breaks it, reported</td></tr>
 * <tr><td>{@link RuleKind#STRICT_ONLY STRICT_ONLY}</td><td>rejects the input</td>
 *     <td colspan="2">keeps the patch; an {@code ERROR} finding</td></tr>
 * <tr><td>{@link RuleKind#WARNING WARNING}, {@link RuleKind#INFO INFO}</td>
 *     <td colspan="3">keeps the patch; a finding of that severity</td></tr>
 * </table>
 * An empty input is rejected in every mode ({@link io.github.ucode4j.api.InputRule#EMPTY}).
 */
public enum ParseMode {
    /**
     * Every rule, including those iucode_tool's default strict checks add to the loaders' (Intel: total size a
     * multiple of 1024, revision not zero, a valid date): the first broken rule that is not a warning rejects the
     * whole input, naming the source, the offset and the rule. The default.
     */
    STRICT,
    /**
     * The loaders' rules only: the first broken {@link RuleKind#ERROR} rule rejects the whole input; a patch that
     * breaks only strict-only rules is kept, each broken rule reported as an {@code ERROR}
     * {@link io.github.ucode4j.api.Finding}. A patch that no CPU could ever be matched with is not returned.
     */
    LENIENT,
    /**
     * LENIENT's acceptance over arbitrary bytes (a firmware image, a damaged file): the driver looks for patches
     * wherever its format lets one start (Intel: at every byte offset; AMD: at each container's magic) and keeps
     * every one that LENIENT would accept, with the same findings. It never rejects a non-empty input: each
     * candidate that breaks an {@link RuleKind#ERROR} rule is an {@code ERROR} finding under that rule at its
     * offset, and each run of skipped bytes one {@link io.github.ucode4j.api.InputRule#SKIPPED_BYTES} warning at
     * its first byte, naming the rule that made it skip them.
     */
    RECOVER
}
