package io.github.ucode4j.intel;

import java.util.Objects;

/**
 * Whether loading a patch into a running system is safe by the patch's own {@code min_req_ver}, and why. Linux
 * (6.7 and later) calls a late load safe only when the patch names a minimum ({@code min_req_ver != 0}) and the
 * running revision is at least that; otherwise it loads and taints the kernel, or refuses under
 * {@code force_minrev}.
 *
 * @param safe whether the late load is safe
 * @param reason the values compared, in words
 */
public record LateLoadSafety(boolean safe, String reason) {

    /**
     * Requires a reason.
     *
     * @param safe whether the late load is safe
     * @param reason the values compared, in words; not null
     * @throws NullPointerException when {@code reason} is null
     */
    public LateLoadSafety {
        Objects.requireNonNull(reason, "reason");
    }
}
