package io.github.ucode4j.lab;

/** The Linux scenarios on an AMD EPYC-Milan (family 19h). */
class AmdLinuxIT extends LinuxMsrScenarios {
    AmdLinuxIT() {
        super(CpuModel.EPYC_MILAN);
    }
}
