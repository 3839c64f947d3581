/**
 * ucode4j's rendezvous: the {@code LateLoader} (plan, lock, load, read back, report), the stop-machine-like engine
 * that holds every CPU while per-CPU backends load microcode, and the {@code simulated} backend, a machine in
 * software with fault injection.
 */
module io.github.ucode4j.rendezvous {
    requires transitive io.github.ucode4j.api;
    requires transitive io.github.ucode4j.cache;

    exports io.github.ucode4j.rendezvous;
    exports io.github.ucode4j.rendezvous.simulated;

    uses io.github.ucode4j.api.spi.MicrocodeOps;

    provides io.github.ucode4j.api.spi.ApplyBackend with io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
}
