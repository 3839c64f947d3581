package io.github.ucode4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The Debian kernel on one QEMU CPU model, its real msr and cpuid drivers: ucode status, explain and apply through
 * the msr backend. One boot runs every scenario in order (each boot costs a minute on TCG): status and explain,
 * which must leave the kernel untainted, then apply with writes allowed, then with the module's allow_writes turned
 * off (the kernel checks it on every write, as with msr.allow_writes=off on the command line), then with the
 * module unloaded. QEMU accepts and ignores the patch write, so a load can only be refused.
 */
abstract class LinuxMsrScenarios extends LabScenarios {
    /** TAINT_CPU_OUT_OF_SPEC in the kernel's taint mask: set by every write through /dev/cpu/N/msr. */
    private static final long CPU_OUT_OF_SPEC = 1L << 2;

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
                .step("taint-at-boot", guest.kernelTaint())
                .step("status", guest.ucode("status", "--backend=msr"))
                .step("explain", guest.ucode("explain", "--backend=msr", firmware))
                .step("taint-after-reading", guest.kernelTaint())
                .step("apply", guest.ucode("apply", "--backend=msr", "--yes", firmware))
                .step("taint-after-apply", guest.kernelTaint())
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
        if (cpu.vendor().equals("intel")) {
            // Read from the CPU, an Intel revision needs a write to MSR 0x8B: status takes the kernel's view.
            assertThat(status.output()).as("%s", status).doesNotContain("revision from MSR 0x8B")
                    .containsPattern("revision from (sysfs microcode/version|/proc/cpuinfo microcode)")
                    .contains("is the kernel's view, which a load through the msr backend since boot does not update");
        } else {
            assertThat(status.output()).as("%s", status).contains("revision from MSR 0x8B");
        }
    }

    @Test
    void statusAndExplainLeaveTheKernelUntaintedAndALoadTaintsIt() throws Exception {
        long atBoot = taint(boot().step("taint-at-boot"));
        StepResult explain = boot().step("explain");
        assertThat(explain.status()).as("%s", explain).isZero();
        assertThat(explain.output()).as("%s", explain).containsPattern("(?m)^0\\s+UPDATE\\s+" + CpuModel.hex(cpu.patchRevision()));

        assertThat(atBoot & CPU_OUT_OF_SPEC).as("CPU_OUT_OF_SPEC at boot, in %d", atBoot).isZero();
        assertThat(taint(boot().step("taint-after-reading"))).as("the taint mask after status and explain").isEqualTo(atBoot);
        long afterApply = taint(boot().step("taint-after-apply"));
        assertThat(afterApply & CPU_OUT_OF_SPEC).as("CPU_OUT_OF_SPEC after a load through msr, in %d", afterApply)
                .isEqualTo(CPU_OUT_OF_SPEC);
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
        assertThat(apply.output()).as("the plan, before the load: %s", apply).contains("note: a load through msr taints the kernel");
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

    private static long taint(StepResult step) {
        assertThat(step.status()).as("%s", step).isZero();
        return Long.parseLong(step.output().strip());
    }

    // Each of the two CPUs on its own line with this model's vendor, signature and revision.
    private void assertEveryCpuRuns(StepResult status, long revision) {
        for (int n = 0; n < 2; n++) {
            assertThat(status.output()).as("%s", status).containsPattern(cpu.statusLine(n, revision));
        }
    }
}
