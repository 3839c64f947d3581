package io.github.ucode4j.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to boot: Linux alone, or a version of Xen with Linux as its dom0, on a QEMU CPU model with a given microcode
 * revision and CPU topology.
 *
 * @param xen the Xen version to boot (an unpacked {@code boot/xen-VERSION-amd64.gz}), or empty for Linux alone
 * @param smp QEMU's {@code -smp}
 */
record BootConfig(Optional<String> xen, String qemuCpu, String smp, Duration timeout) {
    /** Debian 12's Xen, with its own xen-ucode to compare against. */
    static final String XEN_4_17 = "4.17";
    /** Debian 13's Xen: physical revisions through XENPF_get_ucode_revision (4.18+), forced loads (4.20+). */
    static final String XEN_4_20 = "4.20";

    /** Two cores of one package, one thread each. */
    private static final String TWO_CORES = "2";
    /** Two threads of one core. */
    private static final String TWO_THREADS = "2,cores=1,threads=2";

    /** Generous for TCG on two host cores: a boot with several JVM runs takes one to three minutes. */
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    static BootConfig linux(CpuModel cpu, long revision) {
        return new BootConfig(Optional.empty(), cpu.qemuCpu(revision), TWO_CORES, TIMEOUT);
    }

    static BootConfig xen(String version, CpuModel cpu, long revision) {
        return new BootConfig(Optional.of(version), cpu.qemuCpu(revision), TWO_CORES, TIMEOUT);
    }

    /** This boot with its two CPUs as the SMT siblings of one core. */
    BootConfig withTwoThreadsOfOneCore() {
        return new BootConfig(xen, qemuCpu, TWO_THREADS, timeout);
    }

    List<String> bootArguments() {
        List<String> arguments = new ArrayList<>();
        xen.ifPresent(version -> arguments.add("--xen=" + version));
        arguments.addAll(List.of("--cpu", qemuCpu, "--smp", smp, "--timeout", Long.toString(timeout.toSeconds())));
        return arguments;
    }
}
