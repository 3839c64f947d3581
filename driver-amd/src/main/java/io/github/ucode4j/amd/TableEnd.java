package io.github.ucode4j.amd;

/** How a written equivalence table ends. */
public enum TableEnd {
    /**
     * With an all-zero entry after the last CPU, as AMD's containers did until 2025. Every loader reads it; Xen 4.17,
     * 4.18.0 to 4.18.3 and 4.19.0 refuse a container without it.
     */
    ZERO_ENTRY,
    /**
     * Without it: the table ends where its length says, as AMD's newer tooling writes it (linux-firmware's containers
     * from 2025 on). Linux and newer Xen size the table by its length.
     */
    LENGTH_ONLY
}
