package io.github.ucode4j.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Linux machine's sysfs and procfs as files under a temporary directory, built by the tests. */
final class FixtureMachine {
    final Path root;
    final LinuxRoots roots;
    /** The fixture's {@code lib/firmware}, where the kernel's loader looks after its search path. */
    final Path firmware;
    private final StringBuilder cpuinfo = new StringBuilder();

    FixtureMachine(Path root) {
        this.root = root;
        this.roots = LinuxRoots.under(root);
        this.firmware = root.resolve("lib/firmware");
    }

    FixtureMachine online(String cpus) {
        return write(roots.sysCpu().resolve("online"), cpus + "\n");
    }

    FixtureMachine present(String cpus) {
        return write(roots.sysCpu().resolve("present"), cpus + "\n");
    }

    FixtureMachine topology(int cpu, int core, int packageId, String siblings) {
        Path topology = roots.sysCpu(cpu).resolve("topology");
        write(topology.resolve("core_id"), core + "\n");
        write(topology.resolve("physical_package_id"), packageId + "\n");
        return write(topology.resolve("thread_siblings_list"), siblings + "\n");
    }

    /** A kernel that can late-load: {@code microcode/reload}, and the firmware loader's search path showing {@code shown}. */
    FixtureMachine lateLoading(String shown) {
        write(roots.microcodeReload(), "");
        return write(roots.firmwareSearchPath(), shown);
    }

    FixtureMachine microcodeVersion(int cpu, int version) {
        return write(roots.sysCpu(cpu).resolve("microcode/version"), "0x" + Integer.toHexString(version) + "\n");
    }

    FixtureMachine processorFlags(int cpu, int mask) {
        return write(roots.sysCpu(cpu).resolve("microcode/processor_flags"), "0x" + Integer.toHexString(mask) + "\n");
    }

    /** One processor block of {@code /proc/cpuinfo}, in the kernel's layout. */
    FixtureMachine processor(int cpu, String vendor, int family, int model, int stepping, int microcode, int physicalId,
                             int coreId, String flags) {
        cpuinfo.append("processor\t: ").append(cpu).append('\n')
                .append("vendor_id\t: ").append(vendor).append('\n')
                .append("cpu family\t: ").append(family).append('\n')
                .append("model\t\t: ").append(model).append('\n')
                .append("model name\t: Test CPU @ 2.00GHz\n")
                .append("stepping\t: ").append(stepping).append('\n')
                .append("microcode\t: 0x").append(Integer.toHexString(microcode)).append('\n')
                .append("physical id\t: ").append(physicalId).append('\n')
                .append("core id\t\t: ").append(coreId).append('\n')
                .append("flags\t\t: ").append(flags).append('\n')
                .append('\n');
        return write(roots.cpuinfo(), cpuinfo.toString());
    }

    FixtureMachine write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
