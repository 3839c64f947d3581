package io.github.ucode4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The Debian kernel on one QEMU CPU model, its real msr and cpuid drivers: ucode status and apply through the msr
 * backend. One boot runs every scenario in order (each boot costs a minute on TCG): apply with writes allowed, then
 * with the module's allow_writes turned off (the kernel checks it on every write, as with msr.allow_writes=off on
 * the command line), then with the module unloaded. QEMU accepts and ignores the patch write, so a load can only be
 * refused.
 */
abstract class LinuxMsrScenarios extends LabScenarios {
    LinuxMsrScenarios(CpuModel cpu) {
        super(cpu);
    }

    // One boot for all the scenarios.
    private BootResult boot() throws Exception {
        return lab.bootOnce("linux-" + cpu.qemuModel(), BootConfig.linux(cpu, cpu.olderRevision()), this::script);
    }

    private GuestScript script() throws IOException {
        String firmware = "--firmware=" + lab.firmware();
        return guest.script("ucode through the msr backend on " + cpu.qemuModel())
                .step("status", guest.ucode("status", "--backend=msr"))
                .step("apply", guest.ucode("apply", "--backend=msr", "--yes", firmware))
                .step("status-after-apply", guest.ucode("status", "--backend=msr"))
                .shellStep("writes-off", "echo off > /sys/module/msr/parameters/allow_writes")
                .step("apply-writes-off", guest.ucode("apply", "--backend=msr", "--yes", firmware))
                .step("status-after-writes-off", guest.ucode("status", "--backend=msr"))
                .step("unload-msr", guest.busybox("rmmod", "msr"))
                .step("status-without-msr", guest.ucode("status", "--backend=msr"))
                .step("apply-without-msr", guest.ucode("apply", "--backend=msr", "--yes", firmware));
    }

    @Test
    void statusShowsEveryCpuWithTheRevisionQemuWasGiven() throws Exception {
        StepResult status = boot().step("status");
        assertThat(status.status()).as("%s", status).isZero();
        assertEveryCpuRuns(status, cpu.olderRevision());
        assertThat(status.output()).as("%s", status).contains("revision from MSR 0x8B");
    }

    @Test
    void applyOfANewerPatchIsReportedRefusedAndNothingChanges() throws Exception {
        StepResult apply = boot().step("apply");
        assertThat(apply.output()).as("%s", apply)
                .contains("UPDATE", CpuModel.hex(cpu.patchRevision()))
                .containsPattern("(?m)^0\\s+UPDATE\\s+REFUSED\\s+" + CpuModel.hex(cpu.olderRevision()) + "\\s+"
                        + CpuModel.hex(cpu.olderRevision()))
                .contains("result: FAILED")
                .doesNotContainPattern("(?m)^\\d+\\s+UPDATE\\s+UPDATED");
        assertThat(apply.status()).as("%s", apply).isEqualTo(3);
        assertEveryCpuRuns(boot().step("status-after-apply"), cpu.olderRevision());
    }

    @Test
    void applyWithMsrWritesOffExplainsWhyAndChangesNothing() throws Exception {
        assertThat(boot().step("writes-off").status()).isZero();
        StepResult apply = boot().step("apply-writes-off");
        assertThat(apply.output()).as("%s", apply)
                .contains("backend 'msr' cannot run here: MSR writes are disabled")
                .contains("allow_writes");
        assertThat(apply.status()).as("exit 4, no usable backend: %s", apply).isEqualTo(4);
        assertEveryCpuRuns(boot().step("status-after-writes-off"), cpu.olderRevision());
    }

    @Test
    void withoutTheMsrModuleTheBackendSaysSoAndStatusFallsBackToProcfsAndSysfs() throws Exception {
        assertThat(boot().step("unload-msr").status()).isZero();
        StepResult apply = boot().step("apply-without-msr");
        assertThat(apply.output()).as("%s", apply).contains("/dev/cpu/0/msr is missing: load the msr module");
        assertThat(apply.status()).as("%s", apply).isEqualTo(4);

        StepResult status = boot().step("status-without-msr");
        assertThat(status.status()).as("%s", status).isZero();
        assertEveryCpuRuns(status, cpu.olderRevision());
        assertThat(status.output()).as("%s", status)
                .doesNotContain("revision from MSR 0x8B")
                .containsPattern("revision from (/proc/cpuinfo|sysfs)");
    }

    // Each of the two CPUs on its own line with this model's vendor, signature and revision.
    private void assertEveryCpuRuns(StepResult status, long revision) {
        for (int n = 0; n < 2; n++) {
            assertThat(status.output()).as("%s", status).containsPattern(cpu.statusLine(n, revision));
        }
    }
}
