package io.github.ucode4j.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How to boot: Linux alone or Xen with Linux as its dom0, on a QEMU CPU model with a given microcode revision. */
record BootConfig(boolean xen, String qemuCpu, Duration timeout) {
    /** Generous for TCG on two host cores: a boot with several JVM runs takes one to three minutes. */
    private static final Duration TIMEOUT = Duration.ofMinutes(6);

    static BootConfig linux(CpuModel cpu, long revision) {
        return new BootConfig(false, cpu.qemuCpu(revision), TIMEOUT);
    }

    static BootConfig xen(CpuModel cpu, long revision) {
        return new BootConfig(true, cpu.qemuCpu(revision), TIMEOUT);
    }

    List<String> bootArguments() {
        List<String> arguments = new ArrayList<>();
        if (xen) {
            arguments.add("--xen");
        }
        arguments.addAll(List.of("--cpu", qemuCpu, "--timeout", Long.toString(timeout.toSeconds())));
        return arguments;
    }
}
