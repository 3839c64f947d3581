package io.github.ucode4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Xen 4.17 with the Debian kernel as its PV dom0, on one QEMU CPU model: ucode status and apply through the xen
 * backend (real hypercalls), each apply next to Xen's own xen-ucode with the same file in the same boot. QEMU
 * ignores the patch write, so a load of a newer patch is always refused by the CPU. A boot per CPU revision
 * (older than, equal to, newer than the patch), each running all the cases that revision shares.
 */
abstract class Xen417Scenarios extends LabScenarios {
    Xen417Scenarios(CpuModel cpu) {
        super(cpu);
    }

    @Test
    void statusShowsThePhysicalCpusFromTheHypercalls() throws Exception {
        StepResult status = olderCpu().step("status");
        assertThat(status.status()).as("%s", status).isZero();
        for (int n = 0; n < 2; n++) {
            assertThat(status.output()).as("%s", status).containsPattern(cpu.statusLine(n, cpu.olderRevision()));
        }
        // Xen 4.17 cannot report the revision; dom0 reads the physical CPU's MSR 0x8B, which Xen passes through.
        assertThat(status.output()).as("%s", status)
                .contains("backend xen")
                .contains("vendor from XENPF_get_cpu_version", "signature from XENPF_get_cpu_version",
                        "topology from XEN_SYSCTL_cputopoinfo")
                .contains("revision from MSR 0x8B through dom0's msr device");
        if (cpu.vendor().equals("intel")) {
            // Nor the platform flags: dom0 reads MSR 0x17 the same way.
            assertThat(status.output()).as("%s", status).contains("platform_flags from MSR 0x17 bits 52:50 through dom0's msr device");
        }
    }

    @Test
    void withoutDom0sMsrModuleOnlyIntelPlatformFlagsAreUnknownAndTheNoteSaysWhatToDo() throws Exception {
        BootResult boot = olderCpu();
        assertThat(boot.step("unload-msr").status()).isZero();
        StepResult status = boot.step("status-without-msr");
        assertThat(status.status()).as("%s", status).isZero();
        if (cpu.vendor().equals("intel")) {
            assertThat(status.output()).as("%s", status).contains("platform flags unknown: Xen before 4.18 cannot report"
                    + " them, and dom0 could not read MSR 0x17", "modprobe msr");
        } else {
            assertThat(status.output()).as("%s", status).contains("platform_flags from none: AMD CPUs have no platform id")
                    .doesNotContain("platform flags unknown");
        }
    }

    @Test
    void aNewerPatchIsTriedAndRefusedByTheCpu() throws Exception {
        BootResult boot = olderCpu();
        StepResult ours = boot.step("apply-newer-patch");
        assertThat(Outcome.ofUcode(ours)).as("%s", ours).isEqualTo(Outcome.REFUSED);
        assertThat(ours.output()).as("%s", ours).doesNotContainPattern("(?m)^\\d+\\s+\\S+\\s+UPDATED");
        if (ours.output().contains("EBUSY")) {
            // Xen before 4.19.4 can turn the CPU's refusal into EBUSY: the report must say so, not just "busy".
            assertThat(ours.output()).as("%s", ours).containsIgnoringCase("race");
        }
        assertThat(boot.xenLinesDuring("apply-newer-patch")).as("Xen tried").anyMatch(line -> line.contains("failed"));
        assertMatchesXenUcode(boot, ours, "xen-ucode-newer-patch");
    }

    @Test
    void aFileWithNoPatchForThisCpuLoadsNothing() throws Exception {
        BootResult boot = olderCpu();
        StepResult ours = boot.step("apply-other-cpus-file");
        assertThat(Outcome.ofUcode(ours)).as("%s", ours).isEqualTo(Outcome.NO_PATCH);
        // ucode knows from its own plan: it does not hand Xen a file Xen would answer ENOENT to.
        assertThat(boot.xenLinesDuring("apply-other-cpus-file")).as("ucode did not call Xen").noneMatch(line -> line.contains("microcode"));
        assertThat(boot.xenLinesDuring("xen-ucode-other-cpus-file")).anyMatch(line -> line.contains("couldn't find any matching ucode"));
        assertMatchesXenUcode(boot, ours, "xen-ucode-other-cpus-file");
    }

    @Test
    void aCorruptFileIsRejectedBeforeAnyHypercall() throws Exception {
        BootResult boot = olderCpu();
        StepResult ours = boot.step("apply-corrupt-file");
        assertThat(Outcome.ofUcode(ours)).as("%s", ours).isEqualTo(Outcome.MALFORMED);
        assertThat(boot.xenLinesDuring("apply-corrupt-file")).as("Xen was not called").noneMatch(line -> line.contains("microcode"));
        assertMatchesXenUcode(boot, ours, "xen-ucode-corrupt-file");
    }

    @Test
    void theSameRevisionLoadsOnAmdAndIsUpToDateOnIntel() throws Exception {
        BootResult boot = boot(cpu.patchRevision());
        StepResult first = boot.step("apply-same-revision");
        // AMD re-applies the revision it runs (Xen logs "updated from revision X to X"); Intel loads only newer.
        Outcome expected = cpu.reloadsSameRevision() ? Outcome.LOADED : Outcome.UP_TO_DATE;
        assertThat(Outcome.ofUcode(first)).as("%s", first).isEqualTo(expected);
        assertThat(first.status()).isZero();
        if (!cpu.reloadsSameRevision()) {
            // Intel: compared with xen-ucode here. AMD: xen-ucode runs after Xen cached the patch, so the second load is.
            assertMatchesXenUcode(boot, first, "xen-ucode-same-revision");
        }
    }

    @Test
    void aSecondLoadOfTheSameRevisionIsUpToDateAsXenUcodeSays() throws Exception {
        BootResult boot = boot(cpu.patchRevision());
        StepResult again = boot.step("apply-same-revision-again");
        assertThat(again.status()).as("%s", again).isZero();
        assertThat(Outcome.ofUcode(again)).as("%s", again).isEqualTo(Outcome.UP_TO_DATE);
        assertMatchesXenUcode(boot, again, "xen-ucode-same-revision");
    }

    @Test
    void aNewerRevisionIsUpToDateFromOurPlanWhateverXenUcodeIsToldByTheRace() throws Exception {
        BootResult boot = boot(newerThanPatch());
        StepResult ours = boot.step("apply-older-patch");
        assertThat(Outcome.ofUcode(ours)).as("%s", ours).isEqualTo(Outcome.UP_TO_DATE);
        assertThat(ours.status()).isZero();
        assertThat(ours.output()).as("%s", ours).contains("newer than the newest available", "nothing to load");
        assertThat(boot.xenLinesDuring("apply-older-patch")).as("ucode did not call Xen").noneMatch(line -> line.contains("microcode"));
        // Xen answers xen-ucode EEXIST. The EBUSY race of Xen 4.17 turns that into a failure most runs, not all: CI
        // has seen "Microcode already up to date" too. ucode never asks Xen, so it must say up to date either way.
        assertMatchesXenUcode(boot, ours, "xen-ucode-older-patch");
    }

    /**
     * ucode and xen-ucode come to the same outcome class, except where Xen logged EEXIST ("-17") and xen-ucode,
     * through the EBUSY race of Xen before 4.19.4, reported a failure: there ucode must say up to date.
     */
    private void assertMatchesXenUcode(BootResult boot, StepResult ours, String xenUcodeStep) {
        StepResult theirs = boot.step(xenUcodeStep);
        Outcome expected = xenUcodeReportedAFailureForUpToDate(boot, xenUcodeStep) ? Outcome.UP_TO_DATE : Outcome.ofXenUcode(theirs);
        assertThat(Outcome.ofUcode(ours)).as("ucode:\n%s\nxen-ucode:\n%s", ours, theirs).isEqualTo(expected);
    }

    private static boolean xenUcodeReportedAFailureForUpToDate(BootResult boot, String xenUcodeStep) {
        StepResult theirs = boot.step(xenUcodeStep);
        return theirs.status() == 1 && Outcome.ofXenUcode(theirs) == Outcome.REFUSED
                && boot.xenLinesDuring(xenUcodeStep).stream().anyMatch(line -> line.endsWith("failed to update ucode: -17"));
    }

    private long newerThanPatch() {
        return cpu.patchRevision() + 0x2a;
    }

    private BootResult olderCpu() throws IOException, InterruptedException {
        return boot(cpu.olderRevision());
    }

    // One boot per CPU revision, shared by the cases that need it.
    private BootResult boot(long revision) throws IOException, InterruptedException {
        return lab.bootOnce("xen-" + cpu.qemuModel() + "-" + CpuModel.hex(revision),
                BootConfig.xen(BootConfig.XEN_4_17, cpu, revision), () -> script(revision));
    }

    private GuestScript script(long revision) throws IOException {
        String patch = lab.firmware().resolve(cpu.patchFile()).toString();
        GuestScript script = guest.script("ucode and xen-ucode under Xen on " + cpu.qemuCpu(revision));
        if (revision == cpu.olderRevision()) {
            String otherCpus = lab.firmware().resolve(cpu.otherCpusFile()).toString();
            String corrupt = corruptCopy().toString();
            return script.step("status", guest.ucode("status", "--backend=xen"))
                    .step("apply-newer-patch", guest.xenApply(patch))
                    .step("xen-ucode-newer-patch", guest.xenUcode(patch))
                    .step("apply-other-cpus-file", guest.xenApply(otherCpus))
                    .step("xen-ucode-other-cpus-file", guest.xenUcode(otherCpus))
                    .step("apply-corrupt-file", guest.xenApply(corrupt))
                    .step("xen-ucode-corrupt-file", guest.xenUcode(corrupt))
                    .step("unload-msr", guest.busybox("rmmod", "msr"))
                    .step("status-without-msr", guest.ucode("status", "--backend=xen"));
        }
        if (revision == cpu.patchRevision()) {
            return script.step("apply-same-revision", guest.xenApply(patch))
                    .step("apply-same-revision-again", guest.xenApply(patch))
                    .step("xen-ucode-same-revision", guest.xenUcode(patch));
        }
        return script.step("apply-older-patch", guest.xenApply(patch)).step("xen-ucode-older-patch", guest.xenUcode(patch));
    }

    // The patch file cut inside this CPU's patch: the header promises more bytes than there are.
    private Path corruptCopy() throws IOException {
        byte[] patch = Files.readAllBytes(lab.firmware().resolve(cpu.patchFile()));
        Path corrupt = lab.outputDirectory().resolve(cpu.qemuModel() + "-truncated.bin");
        Files.write(corrupt, Arrays.copyOf(patch, cpu.truncatedLength()));
        return corrupt;
    }
}
