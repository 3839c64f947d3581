/**
 * The {@code simulated} apply backend: {@link io.github.ucode4j.rendezvous.simulated.SimulatedMachine}, a machine in
 * software (topology, signatures, microcode engines per core or per thread, seeded load latencies, injected faults),
 * and {@link io.github.ucode4j.rendezvous.simulated.SimulatedBackend}, which loads it as a per-CPU backend.
 */
package io.github.ucode4j.rendezvous.simulated;
