/**
 * ucode4j's AMD driver: microcode containers, equivalence tables, patch checks, CPU matching, the Entrysign
 * SHA-256 allow-list, a container writer and a builder of synthetic patches.
 */
module io.github.ucode4j.driver.amd {
    // Transitive: the exported types take and return the API's values.
    requires transitive io.github.ucode4j.api;

    exports io.github.ucode4j.amd;

    provides io.github.ucode4j.api.spi.MicrocodeOps with io.github.ucode4j.amd.AmdMicrocodeOps;
}
