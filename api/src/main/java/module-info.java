/**
 * ucode4j's API: value types, the {@code MicrocodeOps} and {@code ApplyBackend} service-provider interfaces, their
 * discovery, plan and result types, and errors. Depends on nothing but the JDK.
 */
module io.github.ucode4j.api {
    exports io.github.ucode4j.api;
    exports io.github.ucode4j.api.spi;
    exports io.github.ucode4j.api.host to io.github.ucode4j.linux, io.github.ucode4j.rendezvous;

    uses io.github.ucode4j.api.spi.MicrocodeOps;
    uses io.github.ucode4j.api.spi.ApplyBackend;
}
