package io.github.ucode4j.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import io.github.ucode4j.linux.libc.Errno;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Xen's physical CPUs as a platform: from XENPF_get_ucode_revision on 4.18+, labelled dom0 views before. */
class PlatformTest {
    private static final int SKX = 0x00050654;
    private static final int OLD = 0x2006e05;
    private static final FakeXen.Cpu SKYLAKE = FakeXen.Cpu.online("GenuineIntel", SKX, 0x04, OLD);
    private static final FakeXen.Cpu MILAN = FakeXen.Cpu.online("AuthenticAMD", 0x00a00f11, 0, 0x0a001143);

    @TempDir
    Path root;

    private Platform platform(FakeXen xen, String cpuinfo) throws IOException {
        XenRoots roots = new Dom0Tree(root).dom0(true).cpuinfo(cpuinfo).roots();
        return new XenBackend(roots, () -> xen).platform();
    }

    private static String intelCpuinfo(int... revisions) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < revisions.length; i++) {
            text.append(Dom0Tree.processor(i, "GenuineIntel", 6, 85, 4, revisions[i]));
        }
        return text.toString();
    }

    @Test
    void onFourEighteenEveryFactComesFromXenPerPhysicalCpu() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 18), List.of(SKYLAKE, SKYLAKE.withRevision(0x2007006)));

        Platform platform = platform(xen, intelCpuinfo(0x1234));

        assertThat(platform.backend()).isEqualTo("xen");
        assertThat(platform.hypervisorPresent()).hasValue(true);
        assertThat(platform.cpus()).hasSize(2);
        PlatformCpu second = platform.cpus().get(1);
        assertThat(second.cpu()).isEqualTo(LogicalCpu.alone(1, 1, 0));
        assertThat(second.state().vendor()).hasValue(Vendor.INTEL);
        assertThat(second.state().signature()).hasValue(CpuSignature.of(SKX));
        assertThat(second.state().platformFlags()).hasValue(PlatformFlags.of(0x04));
        assertThat(second.state().revision()).hasValue(Revision.of(0x2007006));
        assertThat(second.sourceOf(Fact.REVISION)).isEqualTo("XENPF_get_ucode_revision");
        assertThat(second.sourceOf(Fact.PLATFORM_FLAGS)).isEqualTo("XENPF_get_ucode_revision");
        assertThat(second.sourceOf(Fact.VENDOR)).isEqualTo("XENPF_get_cpu_version");
        assertThat(second.sourceOf(Fact.TOPOLOGY)).isEqualTo("XEN_SYSCTL_cputopoinfo");
        assertThat(platform.notes()).anyMatch(n -> n.contains("Xen 4.18")).noneMatch(n -> n.contains("unknown"));
        assertThat(xen.released()).isTrue();
    }

    @Test
    void coresPackagesAndSiblingsComeFromXenAndOnlyOnlineCpusAreSiblings() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 20), List.of(SKYLAKE, SKYLAKE, SKYLAKE, SKYLAKE.offline(), SKYLAKE))
                .withThreadsPerCore(2);

        Platform platform = platform(xen, intelCpuinfo(OLD));

        assertThat(platform.cpus()).extracting(PlatformCpu::cpu).containsExactly(
                new LogicalCpu(0, 0, 0, List.of(0, 1)), new LogicalCpu(1, 0, 0, List.of(0, 1)),
                new LogicalCpu(2, 1, 0, List.of(2)), new LogicalCpu(4, 2, 0, List.of(4)));
        // struct xen_sysctl: cmd, Xen 4.20's interface version 0x15, room for every CPU up to the highest present.
        FakeXen.Ioctl sysctl = xen.ioctls.stream().filter(i -> i.hypercall() == Hypercall.SYSCTL).findFirst().orElseThrow();
        assertThat(sysctl.command()).isEqualTo(SysctlOp.CPUTOPOINFO);
        assertThat(sysctl.op().getInt(4)).isEqualTo(0x15);
        assertThat(sysctl.op().getInt(8)).isEqualTo(5);
        assertThat(xen.released()).isTrue();
    }

    @Test
    void aRefusedTopologyQueryLeavesCoreAndPackageUnknownWithTheReason() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 21), List.of(SKYLAKE, SKYLAKE)).answeringTopology(Errno.EPERM);

        Platform platform = platform(xen, intelCpuinfo(OLD));

        assertThat(platform.cpus()).extracting(PlatformCpu::cpu).containsExactly(LogicalCpu.alone(0, 0, 0), LogicalCpu.alone(1, 1, 0));
        assertThat(platform.cpus().get(1).sourceOf(Fact.TOPOLOGY)).contains("core and package unknown");
        assertThat(platform.notes()).contains("core and package of Xen's physical CPUs are unknown: XEN_SYSCTL_cputopoinfo "
                + "(interface version 0x16) failed: Operation not permitted (EPERM): each is taken as a core of its own in package 0");
        assertThat(platform.cpus()).allSatisfy(cpu -> assertThat(cpu.state().revision()).hasValue(Revision.of(OLD)));
        assertThat(xen.released()).isTrue();
    }

    @Test
    void aXenOlderThanTheKnownSysctlInterfacesIsNotAsked() throws IOException {
        new Dom0Tree(root).msrDevices(1);
        FakeXen xen = new FakeXen(new XenVersion(4, 16), List.of(MILAN));

        Platform platform = platform(xen, Dom0Tree.processor(0, "AuthenticAMD", 25, 1, 1, 0x0a001000));

        assertThat(xen.ioctls).noneMatch(i -> i.hypercall() == Hypercall.SYSCTL);
        assertThat(platform.notes()).anyMatch(n -> n.startsWith("core and package of Xen's physical CPUs are unknown: "
                + "ucode4j asks XEN_SYSCTL_cputopoinfo only of Xen 4.17 and later"));
        assertThat(platform.cpus().get(0).cpu()).isEqualTo(LogicalCpu.alone(0, 0, 0));
    }

    @Test
    void onFourSeventeenRevisionAndIntelPlatformFlagsAreDom0sMsrViewLabelledSo() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 17), List.of(SKYLAKE, SKYLAKE));
        new Dom0Tree(root).msrDevices(2);

        // /proc/cpuinfo still shows what dom0 booted with: the MSR, as Xen's last load left it, wins.
        Platform platform = platform(xen, intelCpuinfo(0x1234, 0x1234));

        assertThat(platform.cpus()).hasSize(2).allSatisfy(cpu -> {
            assertThat(cpu.state().revision()).hasValue(Revision.of(OLD));
            assertThat(cpu.sourceOf(Fact.REVISION)).contains("MSR 0x8B through dom0's msr device", "seen through a virtual CPU");
            assertThat(cpu.state().platformFlags()).hasValue(PlatformFlags.ofPlatformId(2));
            assertThat(cpu.sourceOf(Fact.PLATFORM_FLAGS)).contains("MSR 0x17 bits 52:50 through dom0's msr device",
                    "seen through a virtual CPU");
            assertThat(cpu.state().signature()).hasValue(CpuSignature.of(SKX));
            assertThat(cpu.sourceOf(Fact.SIGNATURE)).contains("XENPF_get_cpu_version");
        });
        assertThat(platform.notes()).anyMatch(n -> n.contains("Xen 4.17 cannot report a physical CPU's revision or platform flags"));
        assertThat(xen.platformOps()).extracting(FakeXen.Ioctl::command).doesNotContain(PlatformOp.GET_UCODE_REVISION);
        // Each MSR read once per probe on each of dom0's virtual CPUs, and every device closed again.
        assertThat(xen.msrReads).containsExactlyInAnyOrder(0x17L, 0x17L, 0x8BL, 0x8BL);
        assertThat(xen.released()).isTrue();
    }

    @Test
    void anAmdRevisionIsTheLowDwordOfMsr0x8B() throws IOException {
        new Dom0Tree(root).msrDevices(1);

        Platform platform = platform(new FakeXen(new XenVersion(4, 17), List.of(MILAN)),
                Dom0Tree.processor(0, "AuthenticAMD", 25, 1, 1, 0x0a001000));

        assertThat(platform.cpus().get(0).state().revision()).hasValue(Revision.of(0x0a001143));
        assertThat(platform.cpus().get(0).sourceOf(Fact.REVISION)).startsWith("MSR 0x8B through dom0's msr device");
    }

    @Test
    void withoutDom0sMsrDeviceTheRevisionIsWhatCpuinfoShowedAtBootAndIntelPlatformFlagsAreUnknown() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 17), List.of(SKYLAKE, SKYLAKE));

        Platform platform = platform(xen, intelCpuinfo(OLD, OLD));

        assertThat(platform.cpus()).allSatisfy(cpu -> {
            assertThat(cpu.state().platformFlags()).isEmpty();
            assertThat(cpu.state().revision()).hasValue(Revision.of(OLD));
            assertThat(cpu.sourceOf(Fact.REVISION)).contains("dom0's /proc/cpuinfo, as dom0 booted",
                    "a load since dom0 booted does not show here");
        });
        assertThat(platform.notes()).contains("CPUs 0-1: platform flags unknown: Xen before 4.18 cannot report them, and dom0"
                + " could not read MSR 0x17 on its virtual CPU 0 (No such file or directory (ENOENT): load the msr module"
                + " (modprobe msr))");
    }

    @Test
    void withoutDom0sMsrDeviceTheRevisionIsUnknownWhenCpuinfoShowsNoneOrSeveral() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 17), List.of(SKYLAKE));

        Platform none = platform(xen, "");
        assertThat(none.cpus().get(0).state().revision()).isEmpty();
        assertThat(none.cpus().get(0).sourceOf(Fact.REVISION)).isEqualTo("unknown");
        assertThat(none.notes()).contains("CPU 0: revision unknown: Xen before 4.18 cannot report it, and dom0's /proc/cpuinfo"
                + " lists no virtual CPU to read the revision on, and dom0's /proc/cpuinfo shows none for this CPU model");

        Platform several = platform(xen, intelCpuinfo(OLD, 0x2007006));
        assertThat(several.cpus().get(0).state().revision()).isEmpty();
        assertThat(several.notes()).anyMatch(note -> note.startsWith("CPU 0: revision unknown: Xen before 4.18 cannot report"
                + " it, and dom0 could not read MSR 0x8B on its virtual CPU 0 (No such file or directory (ENOENT)")
                && note.endsWith("and dom0's virtual CPUs show several in /proc/cpuinfo [0x2006e05, 0x2007006]"));
    }

    @Test
    void whereDom0sVirtualCpusDisagreeTheFactIsUnknown() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 17), List.of(SKYLAKE, SKYLAKE.withPlatformFlags(0x01).withRevision(0x2007006)));
        new Dom0Tree(root).msrDevices(2);

        Platform platform = platform(xen, intelCpuinfo(OLD, OLD));

        assertThat(platform.cpus()).allSatisfy(cpu -> {
            assertThat(cpu.state().platformFlags()).isEmpty();
            assertThat(cpu.state().revision()).isEmpty();
        });
        assertThat(platform.notes()).contains(
                "CPUs 0-1: platform flags unknown: Xen before 4.18 cannot report them, and dom0's virtual CPUs read several"
                        + " from MSR 0x17 [0x04, 0x01]",
                "CPUs 0-1: revision unknown: Xen before 4.18 cannot report it, and dom0's virtual CPUs read several from"
                        + " MSR 0x8B [0x2006e05, 0x2007006]");
    }

    @Test
    void anOldIntelCpuOnFourSeventeenHasNoPlatformFlagsAndMsr0x17IsNotRead() throws IOException {
        int pentiumPro = 0x00000634;
        FakeXen xen = new FakeXen(new XenVersion(4, 17), List.of(FakeXen.Cpu.online("GenuineIntel", pentiumPro, 0, 0x1)));
        new Dom0Tree(root).msrDevices(1);

        Platform platform = platform(xen, Dom0Tree.processor(0, "GenuineIntel", 6, 3, 4, 0x1));

        assertThat(platform.cpus().get(0).state().platformFlags()).hasValue(PlatformFlags.NONE);
        assertThat(xen.msrReads).doesNotContain(0x17L);
    }

    @Test
    void anAmdCpuOnFourSeventeenHasNoPlatformFlags() throws IOException {
        Platform platform = platform(new FakeXen(new XenVersion(4, 17), List.of(MILAN)),
                Dom0Tree.processor(0, "AuthenticAMD", 25, 1, 1, 0x0a001143));

        PlatformCpu cpu = platform.cpus().get(0);
        assertThat(cpu.state().platformFlags()).hasValue(PlatformFlags.NONE);
        assertThat(cpu.state().signature()).hasValue(CpuSignature.of(0x00a00f11));
        assertThat(cpu.state().revision()).hasValue(Revision.of(0x0a001143));
    }

    @Test
    void offlineCpusAreSkippedWithANote() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 18), List.of(SKYLAKE, SKYLAKE.offline(), SKYLAKE, SKYLAKE.offline()));

        Platform platform = platform(xen, "");

        assertThat(platform.cpus()).extracting(PlatformCpu::index).containsExactly(0, 2);
        assertThat(platform.notes()).contains("CPUs 1,3: offline in Xen: skipped (xen-hptool cpu-online brings it online)");
        assertThat(xen.platformOps()).filteredOn(op -> op.command() == PlatformOp.GET_CPU_VERSION)
                .extracting(op -> op.op().getInt(8)).containsExactly(0, 2);
    }

    @Test
    void everyPresentCpuIsAskedAboutOnce() throws IOException {
        FakeXen xen = new FakeXen(new XenVersion(4, 18), List.of(SKYLAKE, SKYLAKE, SKYLAKE));

        platform(xen, "");

        assertThat(xen.platformOps()).filteredOn(op -> op.command() == PlatformOp.GET_CPUINFO)
                .extracting(op -> op.op().getInt(8)).containsExactly(0, 1, 2);
        assertThat(xen.platformOps()).filteredOn(op -> op.command() == PlatformOp.GET_UCODE_REVISION)
                .extracting(op -> op.op().getInt(8)).containsExactly(0, 1, 2);
    }

    @Test
    void anUnknownVendorIsANoteAndNotAGuess() throws IOException {
        FakeXen.Cpu other = new FakeXen.Cpu(PhysicalCpuInfo.ONLINE, "HygonGenuine", 0x18, 0, 1, 0x00900f01, 0, 5);

        Platform platform = platform(new FakeXen(new XenVersion(4, 18), List.of(other)), "");

        assertThat(platform.cpus().get(0).state().vendor()).isEmpty();
        assertThat(platform.notes()).contains("CPU 0: vendor 'HygonGenuine' is not one whose microcode ucode4j knows");
    }

    @Test
    void platformFailsWithAnIoExceptionWhereXenCannotBeAsked() throws IOException {
        XenRoots roots = new Dom0Tree(root).roots();

        assertThatThrownBy(() -> new XenBackend(roots, () -> new FakeXen(new XenVersion(4, 17), List.of())).platform())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("privcmd");
    }
}
