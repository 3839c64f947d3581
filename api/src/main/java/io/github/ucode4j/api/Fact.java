package io.github.ucode4j.api;

/** The facts a {@link Platform} reports per CPU, each labelled with where it was read. */
public enum Fact {
    /** The vendor string. */
    VENDOR,
    /** The CPUID(1).EAX signature. */
    SIGNATURE,
    /** The Intel platform flags (MSR 0x17). */
    PLATFORM_FLAGS,
    /** The running microcode revision. */
    REVISION,
    /** Core, package and SMT siblings. */
    TOPOLOGY
}
