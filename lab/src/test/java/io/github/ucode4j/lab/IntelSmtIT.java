package io.github.ucode4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Two SMT siblings of one core (QEMU's {@code -smp 2,cores=1,threads=2}) on an Intel Skylake-Server, once under the
 * Debian kernel and once under Xen 4.20: the topology comes from sysfs and from XEN_SYSCTL_cputopoinfo, and a load
 * treats the pair as one microcode engine, as Linux and Xen do. Intel only: under TCG QEMU gives its AMD models no
 * topology extensions, so both Linux and Xen see EPYC-Milan's two threads as two cores.
 */
class IntelSmtIT extends LabScenarios {
    private static final String BOTH_CPUS = "0-1";

    IntelSmtIT() {
        super(CpuModel.SKYLAKE_SERVER);
    }

    @Test
    void linuxShowsBothThreadsOnOneCoreFromSysfs() throws Exception {
        StepResult status = linux().step("status");
        assertThat(status.status()).as("%s", status).isZero();
        assertBothCpusShareCoreZero(status);
        assertThat(status.output()).as("%s", status).contains("topology from sysfs");
    }

    @Test
    void theMsrBackendWritesOnlyThePrimaryThreadAndReportsTheSiblingThroughIt() throws Exception {
        StepResult apply = linux().step("apply");
        String older = CpuModel.hex(cpu.olderRevision());
        // With two cores CPU 1 is NOT_ATTEMPTED after the control CPU's refusal; as CPU 0's sibling it shares the
        // refused engine, and its line says so instead of claiming a write of its own.
        assertThat(apply.output()).as("%s", apply)
                .containsPattern("(?m)^0\\s+UPDATE\\s+REFUSED\\s+" + older + "\\s+" + older + "\\s+.*MSR 0x79")
                .containsPattern("(?m)^1\\s+UPDATE\\s+REFUSED\\s+" + older + "\\s+" + older
                        + "\\s+.*its SMT sibling CPU 0 reported REFUSED")
                .contains("outcomes: REFUSED 2")
                .doesNotContain("NOT_ATTEMPTED");
        assertThat(apply.status()).as("%s", apply).isEqualTo(3);
    }

    @Test
    void xenShowsBothThreadsOnOneCoreAndCountsTheCoreAsUcodeDoes() throws Exception {
        BootResult boot = xen();
        StepResult status = boot.step("status");
        assertThat(status.status()).as("%s", status).isZero();
        assertBothCpusShareCoreZero(status);
        assertThat(status.output()).as("%s", status).contains("topology from XEN_SYSCTL_cputopoinfo");

        StepResult apply = boot.step("apply-newer-patch");
        assertThat(Outcome.ofUcode(apply)).as("%s", apply).isEqualTo(Outcome.REFUSED);
        // Xen loads once per core: the one core ucode shows.
        assertThat(boot.xenLinesDuring("apply-newer-patch")).as("%s", boot.serial())
                .anyMatch(line -> line.endsWith("1 cores are to update their microcode"));
    }

    private void assertBothCpusShareCoreZero(StepResult status) {
        for (int n = 0; n < 2; n++) {
            assertThat(status.output()).as("%s", status)
                    .containsPattern(cpu.statusLine(n, 0, BOTH_CPUS, cpu.olderRevision()));
        }
    }

    private BootResult linux() throws IOException, InterruptedException {
        return lab.bootOnce("linux-smt-" + cpu.qemuModel(), BootConfig.linux(cpu, cpu.olderRevision()).withTwoThreadsOfOneCore(),
                () -> guest.script("ucode through the msr backend on two threads of one " + cpu.qemuModel() + " core")
                        .step("status", guest.ucode("status", "--backend=msr"))
                        .step("apply", guest.ucode("apply", "--backend=msr", "--yes", "--firmware=" + lab.firmware())));
    }

    private BootResult xen() throws IOException, InterruptedException {
        String patch = lab.firmware().resolve(cpu.patchFile()).toString();
        return lab.bootOnce("xen420-smt-" + cpu.qemuModel(),
                BootConfig.xen(BootConfig.XEN_4_20, cpu, cpu.olderRevision()).withTwoThreadsOfOneCore(),
                () -> guest.script("ucode under Xen 4.20 on two threads of one " + cpu.qemuModel() + " core")
                        .step("status", guest.ucode("status", "--backend=xen"))
                        .step("apply-newer-patch", guest.xenApply(patch)));
    }
}
