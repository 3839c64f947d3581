package io.github.ucode4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Xen 4.20 (Debian 13's hypervisor) with the Debian 12 kernel as its PV dom0, on one QEMU CPU model: what Xen 4.18
 * and later give the xen backend. Each physical CPU's signature, platform flags and revision come from
 * XENPF_get_ucode_revision and are re-read after a load; a forced load goes through XENPF_microcode_update2 (4.20).
 * Each case runs Xen 4.20's own xen-ucode (Debian 13's, through Debian 13's dynamic loader) in the same boot, and the
 * outcome classes match. A boot per CPU revision (older than the patch, equal to it).
 */
abstract class Xen420Scenarios extends LabScenarios {
    Xen420Scenarios(CpuModel cpu) {
        super(cpu);
    }

    @Test
    void statusReadsEveryPhysicalCpuFromXen() throws Exception {
        StepResult status = boot(cpu.olderRevision()).step("status");
        assertThat(status.status()).as("%s", status).isZero();
        for (int n = 0; n < 2; n++) {
            assertThat(status.output()).as("%s", status).containsPattern(cpu.statusLine(n, cpu.olderRevision()));
        }
        assertThat(status.output()).as("%s", status)
                .contains("backend xen", "Xen 4.20: these are Xen's physical CPUs")
                .contains("signature from XENPF_get_ucode_revision", "platform_flags from XENPF_get_ucode_revision",
                        "revision from XENPF_get_ucode_revision", "topology from XEN_SYSCTL_cputopoinfo")
                .doesNotContain("dom0's msr device", "cannot report");
        // xen-ucode reads the same hypercall: e.g. "CPU signature 06-55-04 (raw 0x00050654) pf 0x1 revision 0x02006e05".
        StepResult theirs = boot(cpu.olderRevision()).step("xen-ucode-show-cpu-info");
        assertThat(theirs.status()).as("%s", theirs).isZero();
        Matcher shown = Pattern.compile("CPU signature " + cpu.familyModelStepping() + " .* revision 0x([0-9a-f]{8})")
                .matcher(theirs.output());
        assertThat(shown.find()).as("%s", theirs).isTrue();
        assertThat(Long.parseLong(shown.group(1), 16)).isEqualTo(cpu.olderRevision());
    }

    @Test
    void aNewerPatchIsRefusedByTheCpuAsTheRevisionsReReadFromXenShow() throws Exception {
        BootResult boot = boot(cpu.olderRevision());
        StepResult ours = boot.step("apply-newer-patch");
        assertThat(Outcome.ofUcode(ours)).as("%s", ours).isEqualTo(Outcome.REFUSED);
        assertThat(ours.output()).as("%s", ours)
                .contains("Revisions re-read from Xen: CPUs 0-1: " + CpuModel.hex(cpu.olderRevision()) + " (unchanged)")
                .doesNotContainPattern("(?m)^\\d+\\s+\\S+\\s+UPDATED");
        assertThat(boot.xenLinesDuring("apply-newer-patch")).as("Xen tried").anyMatch(line -> line.contains("failed"));
        assertMatchesXenUcode(boot, ours, "xen-ucode-newer-patch");
    }

    @Test
    void theSameRevisionIsUpToDateUnlessForced() throws Exception {
        BootResult boot = boot(cpu.patchRevision());
        StepResult ours = boot.step("apply-same-revision");
        assertThat(ours.status()).as("%s", ours).isZero();
        assertThat(Outcome.ofUcode(ours)).as("%s", ours).isEqualTo(Outcome.UP_TO_DATE);
        if (cpu.reloadsSameRevision()) {
            // The AMD plan reloads the running revision, as Linux and Xen 4.17 do; Xen 4.20 does so only when forced,
            // and answers EEXIST.
            assertThat(boot.xenLinesDuring("apply-same-revision")).as("Xen was asked")
                    .anyMatch(line -> line.endsWith("failed to update ucode: -17"));
        } else {
            assertThat(boot.xenLinesDuring("apply-same-revision")).as("ucode did not call Xen")
                    .noneMatch(line -> line.contains("microcode"));
        }
        assertMatchesXenUcode(boot, ours, "xen-ucode-same-revision");
    }

    @Test
    void aForcedLoadOfTheSameRevisionGoesToXenAndLoads() throws Exception {
        BootResult boot = boot(cpu.patchRevision());
        StepResult forced = boot.step("apply-forced-same-revision");
        assertThat(forced.status()).as("%s", forced).isZero();
        assertThat(Outcome.ofUcode(forced)).as("%s", forced).isEqualTo(Outcome.LOADED);
        assertThat(forced.output()).as("%s", forced).contains("outcomes: UPDATED 2 (forced)");
        assertThat(boot.xenLinesDuring("apply-forced-same-revision")).as("Xen loaded")
                .anyMatch(line -> line.contains("updated from revision " + CpuModel.hex(cpu.patchRevision())));
        assertMatchesXenUcode(boot, forced, "xen-ucode-forced-same-revision");
    }

    // Xen 4.20 has no EBUSY race left to excuse: the classes match exactly.
    private static void assertMatchesXenUcode(BootResult boot, StepResult ours, String xenUcodeStep) {
        StepResult theirs = boot.step(xenUcodeStep);
        assertThat(Outcome.ofUcode(ours)).as("ucode:\n%s\nxen-ucode:\n%s", ours, theirs).isEqualTo(Outcome.ofXenUcode(theirs));
    }

    // One boot per CPU revision, shared by the cases that need it.
    private BootResult boot(long revision) throws IOException, InterruptedException {
        return lab.bootOnce("xen420-" + cpu.qemuModel() + "-" + CpuModel.hex(revision),
                BootConfig.xen(BootConfig.XEN_4_20, cpu, revision), () -> script(revision));
    }

    private GuestScript script(long revision) throws IOException {
        String patch = lab.firmware().resolve(cpu.patchFile()).toString();
        GuestScript script = guest.script("ucode under Xen 4.20 on " + cpu.qemuCpu(revision));
        if (revision == cpu.olderRevision()) {
            return script.step("status", guest.ucode("status", "--backend=xen"))
                    .step("xen-ucode-show-cpu-info", guest.xenUcode420("show-cpu-info"))
                    .step("apply-newer-patch", guest.xenApply(patch))
                    .step("xen-ucode-newer-patch", guest.xenUcode420(patch));
        }
        return script.step("apply-same-revision", guest.xenApply(patch))
                .step("xen-ucode-same-revision", guest.xenUcode420(patch))
                .step("apply-forced-same-revision", guest.xenApply(patch, "--force"))
                .step("xen-ucode-forced-same-revision", guest.xenUcode420("--force", patch));
    }
}
