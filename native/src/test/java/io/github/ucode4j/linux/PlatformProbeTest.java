package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.host.CpuDevices;
import io.github.ucode4j.linux.host.CpuidAccess;
import io.github.ucode4j.linux.host.MsrReader;
import io.github.ucode4j.linux.libc.JnaLibc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform probing against fixture trees: every fact and where it came from. */
class PlatformProbeTest {
    private static final String INTEL_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush";
    private static final String AMD_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx";

    private static final MicrocodeDrivers DRIVERS = MicrocodeDrivers.load();

    @TempDir
    Path root;

    /** Two sockets, two cores each, two threads per core: CPUs 0-3 are the first threads, 4-7 their siblings. */
    private FixtureMachine twoSocketSkylakeServer() {
        FixtureMachine machine = new FixtureMachine(root).online("0-7").present("0-7");
        for (int cpu = 0; cpu < 8; cpu++) {
            int first = cpu % 4;
            machine.topology(cpu, first % 2, first / 2, first + "," + (first + 4))
                    .microcodeVersion(cpu, 0x2006e05)
                    .processorFlags(cpu, 0x04)
                    .processor(cpu, "GenuineIntel", 6, 85, 4, 0x2006e05, first / 2, first % 2, INTEL_FLAGS);
        }
        return machine;
    }

    private static Platform probe(FixtureMachine machine, Optional<MsrReader> msr, CpuidAccess cpuid) throws IOException {
        return new PlatformProbe("test", machine.roots, DRIVERS, cpuid, msr, Optional.empty()).probe();
    }

    /** The machine's device files under the fixture root: there are none, so every open fails with ENOENT. */
    private static CpuDevices absentDevices(FixtureMachine machine) throws ApplyException {
        return new CpuDevices(JnaLibc.load(), machine.roots);
    }

    @Test
    void intelServerWithoutDeviceFilesIsReadFromSysfsAndProcfs() throws Exception {
        FixtureMachine machine = twoSocketSkylakeServer();
        CpuDevices devices = absentDevices(machine);

        Platform platform = probe(machine, Optional.of(devices), devices);

        assertThat(platform.backend()).isEqualTo("test");
        assertThat(platform.cpus()).hasSize(8);
        assertThat(platform.vendors()).containsExactly(Vendor.INTEL);
        assertThat(platform.hypervisorPresent()).contains(false);
        PlatformCpu cpu5 = platform.cpu(5).orElseThrow();
        assertThat(cpu5.cpu()).isEqualTo(new LogicalCpu(5, 1, 0, List.of(1, 5)));
        assertThat(cpu5.cpu().isPrimaryThread()).isFalse();
        assertThat(platform.cpu(2).orElseThrow().cpu()).isEqualTo(new LogicalCpu(2, 0, 1, List.of(2, 6)));
        assertThat(cpu5.state().vendor()).contains(Vendor.INTEL);
        assertThat(cpu5.state().signature()).contains(CpuSignature.of(0x00050654));
        assertThat(cpu5.state().platformFlags()).contains(PlatformFlags.of(0x04));
        assertThat(cpu5.state().revision()).contains(Revision.of(0x2006e05));
        assertThat(cpu5.sources()).isEqualTo(Map.of(
                Fact.TOPOLOGY, "sysfs topology/{core_id,physical_package_id,thread_siblings_list}",
                Fact.VENDOR, "/proc/cpuinfo vendor_id",
                Fact.SIGNATURE, "/proc/cpuinfo cpu family, model, stepping",
                Fact.PLATFORM_FLAGS, "sysfs microcode/processor_flags",
                Fact.REVISION, "sysfs microcode/version"));
        assertThat(platform.notes()).containsExactly(
                "CPUs 0-7: CPUID unreadable (No such file or directory (ENOENT): load the cpuid module (modprobe cpuid)); vendor and signature from /proc/cpuinfo",
                "CPUs 0-7: MSR 0x17 unreadable (No such file or directory (ENOENT): load the msr module (modprobe msr)); platform flags from sysfs");
    }

    @Test
    void intelServerWithDeviceFilesReadsCpuidAndTheMsrOfItsPlatformIdButWritesNothing() throws Exception {
        FixtureMachine machine = twoSocketSkylakeServer();
        SimulatedCpus cpus = SimulatedCpus.intel(CpuSignature.of(0x00050654), 2, 8, 0x2007006);

        Platform platform = probe(machine, Optional.of(cpus), cpus);

        assertThat(cpus.writes()).as("the Intel revision read writes MSR 0x8B, which taints the kernel").isEmpty();
        PlatformCpu cpu3 = platform.cpu(3).orElseThrow();
        assertThat(cpu3.state().platformFlags()).contains(PlatformFlags.ofPlatformId(2));
        assertThat(cpu3.state().revision()).as("the kernel's view").contains(Revision.of(0x2006e05));
        assertThat(cpu3.sources()).containsEntry(Fact.VENDOR, "CPUID leaf 0 (/dev/cpu/N/cpuid)")
                .containsEntry(Fact.SIGNATURE, "CPUID leaf 1 (/dev/cpu/N/cpuid)")
                .containsEntry(Fact.PLATFORM_FLAGS, "MSR 0x17 bits 52:50")
                .containsEntry(Fact.REVISION, "sysfs microcode/version");
        assertThat(platform.hypervisorPresent()).contains(false);
        assertThat(platform.notes()).isEmpty();
    }

    @Test
    void withoutTheVendorsDriverNoRegisterIsReadAndTheKernelsViewStands() throws Exception {
        FixtureMachine machine = twoSocketSkylakeServer();
        SimulatedCpus cpus = SimulatedCpus.intel(CpuSignature.of(0x00050654), 2, 8, 0x2007006);

        Platform platform = new PlatformProbe("test", machine.roots, MicrocodeDrivers.of(List.of()), cpus, Optional.of(cpus),
                Optional.empty()).probe();

        PlatformCpu cpu3 = platform.cpu(3).orElseThrow();
        assertThat(cpu3.state().platformFlags()).isEmpty();
        assertThat(cpu3.state().revision()).contains(Revision.of(0x2006e05));
        assertThat(cpu3.sources()).containsEntry(Fact.REVISION, "sysfs microcode/version").doesNotContainKey(Fact.PLATFORM_FLAGS);
        assertThat(platform.notes()).containsExactly("CPUs 0-7: no INTEL microcode driver is installed: platform flags unknown,"
                + " revision from the kernel's view");
        assertThat(cpus.writes()).isEmpty();
    }

    @Test
    void aRevisionFromTheKernelsViewCarriesTheCaveatTheBackendGives() throws Exception {
        FixtureMachine machine = twoSocketSkylakeServer();
        for (int cpu = 4; cpu < 8; cpu++) {
            Files.delete(machine.roots.sysCpu(cpu).resolve("microcode/version"));
        }
        SimulatedCpus cpus = SimulatedCpus.intel(CpuSignature.of(0x00050654), 2, 8, 0x2007006);

        Platform platform = new PlatformProbe("test", machine.roots, DRIVERS, cpus, Optional.of(cpus), Optional.of("stale after a load"))
                .probe();

        assertThat(platform.cpu(5).orElseThrow().sourceOf(Fact.REVISION)).isEqualTo("/proc/cpuinfo microcode");
        assertThat(platform.notes()).containsExactly(
                "CPUs 0-3: the revision from sysfs microcode/version is stale after a load",
                "CPUs 4-7: the revision from /proc/cpuinfo microcode is stale after a load");
    }

    @Test
    void amdEpycReadsItsRevisionFromTheLowDwordAndNotesOfflineCpus() throws Exception {
        FixtureMachine machine = new FixtureMachine(root).online("0-3").present("0-5");
        for (int cpu = 0; cpu < 4; cpu++) {
            machine.topology(cpu, cpu % 2, 0, (cpu % 2) + "," + (cpu % 2 + 2))
                    .microcodeVersion(cpu, 0x0a001100)
                    .processor(cpu, "AuthenticAMD", 25, 1, 1, 0x0a001100, 0, cpu % 2, AMD_FLAGS);
        }
        SimulatedCpus cpus = SimulatedCpus.amd(CpuSignature.of(0x00a00f11), 0xa011, 4, 0x0a001143);

        Platform platform = probe(machine, Optional.of(cpus), cpus);

        assertThat(cpus.writes()).isEmpty();
        assertThat(platform.cpus()).extracting(PlatformCpu::index).containsExactly(0, 1, 2, 3);
        PlatformCpu cpu3 = platform.cpu(3).orElseThrow();
        assertThat(cpu3.cpu()).isEqualTo(new LogicalCpu(3, 1, 0, List.of(1, 3)));
        assertThat(cpu3.state().vendor()).contains(Vendor.AMD);
        assertThat(cpu3.state().signature()).contains(CpuSignature.of(0x00a00f11));
        assertThat(cpu3.state().platformFlags()).contains(PlatformFlags.NONE);
        assertThat(cpu3.state().revision()).contains(Revision.of(0x0a001143));
        assertThat(cpu3.sources()).isEqualTo(Map.of(
                Fact.TOPOLOGY, "sysfs topology/{core_id,physical_package_id,thread_siblings_list}",
                Fact.VENDOR, "CPUID leaf 0 (/dev/cpu/N/cpuid)",
                Fact.SIGNATURE, "CPUID leaf 1 (/dev/cpu/N/cpuid)",
                Fact.PLATFORM_FLAGS, "none: AMD CPUs have no platform id",
                Fact.REVISION, "MSR 0x8B (low dword)"));
        assertThat(platform.hypervisorPresent()).contains(false);
        assertThat(platform.notes()).singleElement().asString().startsWith("CPUs 4-5 are present but offline").contains("EBUSY");
    }

    @Test
    void singleCpuVirtualMachineWithoutMicrocodeSysfsReportsTheHypervisorAndTheProcfsRevision() throws Exception {
        FixtureMachine machine = new FixtureMachine(root).online("0").present("0")
                .topology(0, 0, 0, "0")
                .processor(0, "AuthenticAMD", 25, 1, 1, 0x1000065, 0, 0, AMD_FLAGS + " hypervisor lahf_lm");
        CpuDevices devices = absentDevices(machine);

        Platform platform = probe(machine, Optional.empty(), devices);

        PlatformCpu cpu0 = platform.cpus().get(0);
        assertThat(platform.cpus()).hasSize(1);
        assertThat(cpu0.cpu()).isEqualTo(LogicalCpu.alone(0, 0, 0));
        assertThat(cpu0.state().signature()).contains(CpuSignature.of(0x00a00f11));
        assertThat(cpu0.state().revision()).contains(Revision.of(0x1000065));
        assertThat(cpu0.sources()).isEqualTo(Map.of(
                Fact.TOPOLOGY, "sysfs topology/{core_id,physical_package_id,thread_siblings_list}",
                Fact.VENDOR, "/proc/cpuinfo vendor_id",
                Fact.SIGNATURE, "/proc/cpuinfo cpu family, model, stepping",
                Fact.PLATFORM_FLAGS, "none: AMD CPUs have no platform id",
                Fact.REVISION, "/proc/cpuinfo microcode"));
        assertThat(platform.hypervisorPresent()).contains(true);
        assertThat(platform.notes()).containsExactly(
                "a hypervisor is present (the 'hypervisor' flag in /proc/cpuinfo): the kernel disables its microcode loader in a guest, "
                        + "and the hypervisor decides whether a guest may load microcode at all",
                "CPU 0: CPUID unreadable (No such file or directory (ENOENT): load the cpuid module (modprobe cpuid)); vendor and signature from /proc/cpuinfo");
    }

    @Test
    void whatCannotBeReadAtAllIsUnknownWithANote() throws Exception {
        FixtureMachine machine = new FixtureMachine(root).online("0");
        CpuDevices devices = absentDevices(machine);

        Platform platform = probe(machine, Optional.empty(), devices);

        PlatformCpu cpu0 = platform.cpus().get(0);
        assertThat(cpu0.state().vendor()).isEmpty();
        assertThat(cpu0.state().signature()).isEmpty();
        assertThat(cpu0.state().revision()).isEmpty();
        assertThat(cpu0.sourceOf(Fact.VENDOR)).isEqualTo("unknown");
        assertThat(platform.hypervisorPresent()).isEqualTo(Optional.empty());
        assertThat(platform.notes()).anyMatch(n -> n.startsWith("whether a hypervisor is present is unknown"))
                .anyMatch(n -> n.startsWith("CPU 0: topology unknown"))
                .anyMatch(n -> n.startsWith("CPU 0: vendor unknown"))
                .anyMatch(n -> n.startsWith("CPU 0: signature unknown"))
                .anyMatch(n -> n.startsWith("CPU 0: revision unknown"));
    }

    @Test
    void aMalformedOnlineListIsAnErrorNamingTheFileContent() {
        FixtureMachine machine = new FixtureMachine(root).online("0-3,,8");

        assertThatThrownBy(() -> probe(machine, Optional.empty(), absentDevices(machine)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0-3,,8'");
    }

    @Test
    void anUnknownVendorIsNotedAndLeftUnknown() throws Exception {
        FixtureMachine machine = new FixtureMachine(root).online("0").topology(0, 0, 0, "0")
                .processor(0, "HygonGenuine", 24, 0, 1, 0x1, 0, 0, AMD_FLAGS);
        CpuDevices devices = absentDevices(machine);

        Platform platform = probe(machine, Optional.empty(), devices);

        assertThat(platform.cpus().get(0).state().vendor()).isEmpty();
        assertThat(platform.notes()).contains("CPU 0: vendor 'HygonGenuine' is not one whose microcode ucode4j knows");
    }
}
