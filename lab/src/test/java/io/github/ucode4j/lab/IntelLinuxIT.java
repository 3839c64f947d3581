package io.github.ucode4j.lab;

/** The Linux scenarios on an Intel Skylake-Server (06-55-04). */
class IntelLinuxIT extends LinuxMsrScenarios {
    IntelLinuxIT() {
        super(CpuModel.SKYLAKE_SERVER);
    }
}
