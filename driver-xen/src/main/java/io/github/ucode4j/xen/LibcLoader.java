package io.github.ucode4j.xen;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.linux.libc.Libc;

/** Where the backend gets its C library: JNA's on the machine, a fake Xen in tests. Asked on first use. */
@FunctionalInterface
interface LibcLoader {

    /**
     * The C library.
     *
     * @throws ApplyException when it cannot be loaded here
     */
    Libc load() throws ApplyException;
}
