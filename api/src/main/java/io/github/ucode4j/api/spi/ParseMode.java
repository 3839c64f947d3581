package io.github.ucode4j.api.spi;

/** How strictly a driver checks what it parses. */
public enum ParseMode {
    /**
     * Every rule, including those iucode_tool applies by default on top of the loaders' (Intel: total size a
     * multiple of 1024, revision not zero, a valid date). The default.
     */
    STRICT,
    /**
     * Only the rules the kernel's and Xen's loaders enforce; what only strict mode rejects becomes a
     * {@link io.github.ucode4j.api.Finding}.
     */
    LENIENT,
    /**
     * Scan arbitrary bytes (a firmware image, a damaged file) for patches that pass every check, skipping the rest;
     * what was skipped is reported as findings.
     */
    RECOVER
}
