package io.github.ucode4j.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to boot: Linux alone, or a version of Xen with Linux as its dom0, on a QEMU CPU model with a given microcode
 * revision.
 *
 * @param xen the Xen version to boot (an unpacked {@code boot/xen-VERSION-amd64.gz}), or empty for Linux alone
 */
record BootConfig(Optional<String> xen, String qemuCpu, Duration timeout) {
    /** Debian 12's Xen, with its own xen-ucode to compare against. */
    static final String XEN_4_17 = "4.17";
    /** Debian 13's Xen: physical revisions through XENPF_get_ucode_revision (4.18+), forced loads (4.20+). */
    static final String XEN_4_20 = "4.20";

    /** Generous for TCG on two host cores: a boot with several JVM runs takes one to three minutes. */
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    static BootConfig linux(CpuModel cpu, long revision) {
        return new BootConfig(Optional.empty(), cpu.qemuCpu(revision), TIMEOUT);
    }

    static BootConfig xen(String version, CpuModel cpu, long revision) {
        return new BootConfig(Optional.of(version), cpu.qemuCpu(revision), TIMEOUT);
    }

    List<String> bootArguments() {
        List<String> arguments = new ArrayList<>();
        xen.ifPresent(version -> arguments.add("--xen=" + version));
        arguments.addAll(List.of("--cpu", qemuCpu, "--timeout", Long.toString(timeout.toSeconds())));
        return arguments;
    }
}
