package io.github.ucode4j.rendezvous;

import java.util.Objects;

/**
 * Why a rendezvous was aborted, in words a person can act on.
 *
 * @param cause the kind of abort
 * @param detail what happened, naming the CPUs concerned
 */
public record Abort(AbortCause cause, String detail) {

    /**
     * Requires non-null components.
     *
     * @param cause the kind of abort; not null
     * @param detail what happened; not null
     */
    public Abort {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detail, "detail");
    }
}
