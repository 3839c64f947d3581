package io.github.ucode4j.linux;

import io.github.ucode4j.api.CpuList;
import io.github.ucode4j.api.LogicalCpu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What sysfs says about the CPUs, under {@code /sys/devices/system/cpu}: which are online and present, where each
 * sits in the topology, and the kernel's view of its microcode. Stateless; reads on every call.
 */
final class SysfsCpus {
    private final LinuxRoots roots;

    SysfsCpus(LinuxRoots roots) {
        this.roots = roots;
    }

    /** The online CPUs, if the kernel lists them. */
    Optional<List<Integer>> online() throws IOException {
        return cpuList(roots.sysCpu().resolve("online"));
    }

    /** The present CPUs, online or not, if the kernel lists them. */
    Optional<List<Integer>> present() throws IOException {
        return cpuList(roots.sysCpu().resolve("present"));
    }

    /** Core, package and SMT siblings from {@code cpuN/topology}, if all three are there. */
    Optional<LogicalCpu> topology(int cpu) throws IOException {
        Path topology = roots.sysCpu(cpu).resolve("topology");
        Optional<String> core = read(topology.resolve("core_id"));
        Optional<String> packageId = read(topology.resolve("physical_package_id"));
        Optional<String> siblings = read(topology.resolve("thread_siblings_list"));
        if (siblings.isEmpty()) {
            siblings = read(topology.resolve("core_cpus_list"));
        }
        if (core.isEmpty() || packageId.isEmpty() || siblings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogicalCpu(cpu, parseId(core.get(), topology.resolve("core_id")),
                parseId(packageId.get(), topology.resolve("physical_package_id")), CpuList.parse(siblings.get())));
    }

    /** {@code cpuN/microcode/version}: the revision as the kernel last read it; absent when its loader is off. */
    OptionalLong microcodeVersion(int cpu) throws IOException {
        return hex(roots.sysCpu(cpu).resolve("microcode/version"));
    }

    /** {@code cpuN/microcode/processor_flags}: the Intel platform flags mask the kernel computed. */
    OptionalLong processorFlags(int cpu) throws IOException {
        return hex(roots.sysCpu(cpu).resolve("microcode/processor_flags"));
    }

    private Optional<List<Integer>> cpuList(Path file) throws IOException {
        Optional<String> text = read(file);
        return text.isEmpty() ? Optional.empty() : Optional.of(CpuList.parse(text.get()));
    }

    private static OptionalLong hex(Path file) throws IOException {
        Optional<String> text = read(file);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!text.get().matches("0[xX][0-9a-fA-F]{1,16}")) {
            throw new IOException(file + ": expected a 0x-prefixed hex number, found '" + text.get() + "'");
        }
        return OptionalLong.of(Long.parseUnsignedLong(text.get().substring(2), 16));
    }

    private static int parseId(String text, Path file) throws IOException {
        if (!text.matches("\\d{1,9}")) {
            throw new IOException(file + ": expected a non-negative number, found '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    /** The file's text without surrounding white space, or empty when there is no such file. */
    private static Optional<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }
}
