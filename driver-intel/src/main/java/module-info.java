/**
 * ucode4j's Intel microcode driver: binary and {@code .dat} parsing with every check, matching, the writer and
 * builder, and iucode_tool-compatible listings. Registered as a {@link io.github.ucode4j.api.spi.MicrocodeOps}
 * service.
 */
module io.github.ucode4j.driver.intel {
    requires transitive io.github.ucode4j.api; // its types appear throughout this module's API

    exports io.github.ucode4j.intel;

    provides io.github.ucode4j.api.spi.MicrocodeOps with io.github.ucode4j.intel.IntelMicrocodeOps;
}
