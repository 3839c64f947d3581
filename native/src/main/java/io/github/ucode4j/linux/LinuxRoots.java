package io.github.ucode4j.linux;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the Linux interfaces are: the CPU device files, sysfs, procfs, and ucode4j's own run directory. Every file
 * ucode4j's Linux code reads or writes is resolved under one of these, so tests run against fixture trees.
 *
 * @param devCpu the directory of {@code N/msr} and {@code N/cpuid}, normally {@code /dev/cpu}
 * @param sys the sysfs mount, normally {@code /sys}
 * @param proc the procfs mount, normally {@code /proc}
 * @param run ucode4j's run directory, normally {@code /run/ucode4j} (where {@code LateLoader}'s host lock lives too):
 *     the {@code kernel} backend keeps its lock, its journal and the private folder it has the kernel read firmware
 *     from there
 */
public record LinuxRoots(Path devCpu, Path sys, Path proc, Path run) {

    /** The machine's own: {@code /dev/cpu}, {@code /sys}, {@code /proc}, {@code /run/ucode4j}. */
    public static final LinuxRoots SYSTEM = under(Path.of("/"));

    /**
     * Requires every root.
     *
     * @param devCpu the directory of {@code N/msr} and {@code N/cpuid}; not null
     * @param sys the sysfs mount; not null
     * @param proc the procfs mount; not null
     * @param run ucode4j's run directory; not null (it need not exist yet)
     * @throws NullPointerException when a root is null
     */
    public LinuxRoots {
        Objects.requireNonNull(devCpu, "devCpu");
        Objects.requireNonNull(sys, "sys");
        Objects.requireNonNull(proc, "proc");
        Objects.requireNonNull(run, "run");
    }

    /**
     * The standard layout under {@code root}: {@code root/dev/cpu}, {@code root/sys}, {@code root/proc},
     * {@code root/run/ucode4j}.
     *
     * @param root the folder that stands for {@code /}: {@code /} itself for the machine, a fixture tree in tests
     * @return the roots of a system whose {@code /} is {@code root}
     */
    public static LinuxRoots under(Path root) {
        return new LinuxRoots(root.resolve("dev/cpu"), root.resolve("sys"), root.resolve("proc"), root.resolve("run/ucode4j"));
    }

    /**
     * These roots with another run directory.
     *
     * @param runDirectory the run directory to use instead of {@link #run()}; not null
     * @return new roots, the same as these but for the run directory
     * @throws NullPointerException when {@code runDirectory} is null
     */
    public LinuxRoots withRun(Path runDirectory) {
        return new LinuxRoots(devCpu, sys, proc, runDirectory);
    }

    /**
     * {@code /dev/cpu/N/msr}.
     *
     * @param cpu the logical CPU's number, from 0
     * @return the path of that CPU's MSR device under these roots; it exists only with the msr module loaded
     */
    public Path msr(int cpu) {
        return devCpu.resolve(cpu + "/msr");
    }

    /**
     * {@code /dev/cpu/N/cpuid}.
     *
     * @param cpu the logical CPU's number, from 0
     * @return the path of that CPU's CPUID device under these roots; it exists only with the cpuid module loaded
     */
    public Path cpuid(int cpu) {
        return devCpu.resolve(cpu + "/cpuid");
    }

    /**
     * {@code /sys/devices/system/cpu}.
     *
     * @return the path of the CPUs' sysfs folder under these roots
     */
    public Path sysCpu() {
        return sys.resolve("devices/system/cpu");
    }

    /**
     * {@code /sys/devices/system/cpu/cpuN}.
     *
     * @param cpu the logical CPU's number, from 0
     * @return the path of that CPU's sysfs folder under these roots
     */
    public Path sysCpu(int cpu) {
        return sysCpu().resolve("cpu" + cpu);
    }

    /**
     * {@code /sys/devices/system/cpu/microcode/reload}: present only with the kernel's late loading built in.
     *
     * @return the path of that file under these roots; it may not exist
     */
    public Path microcodeReload() {
        return sysCpu().resolve("microcode/reload");
    }

    /**
     * {@code /sys/module/firmware_class/parameters/path}: the firmware loader's own search path.
     *
     * @return the path of that file under these roots
     */
    public Path firmwareSearchPath() {
        return sys.resolve("module/firmware_class/parameters/path");
    }

    /**
     * {@code /proc/cpuinfo}.
     *
     * @return the path of that file under these roots
     */
    public Path cpuinfo() {
        return proc.resolve("cpuinfo");
    }

    /**
     * {@code /proc/self/status}: the calling process's state, its user ids among it.
     *
     * @return the path of this process's status file under these roots
     */
    public Path procSelfStatus() {
        return proc.resolve("self/status");
    }

    /**
     * {@code /proc/self/pagemap}: the calling process's virtual-to-physical page map.
     *
     * @return the path of that file under these roots
     */
    public Path pagemap() {
        return proc.resolve("self/pagemap");
    }
}
