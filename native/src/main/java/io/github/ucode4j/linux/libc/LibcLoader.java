package io.github.ucode4j.linux.libc;

import io.github.ucode4j.api.ApplyException;

/**
 * Gives the C library when it is first needed, so that code which may never need it (a read that succeeds, a check
 * that fails early) loads no native code. {@code JnaLibc::load} is the real one; tests give theirs.
 */
@FunctionalInterface
public interface LibcLoader {
    /**
     * The C library.
     *
     * @return the C library, loaded now if not yet
     * @throws ApplyException when it cannot be loaded here
     */
    Libc load() throws ApplyException;
}
