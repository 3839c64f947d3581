package io.github.ucode4j.lab;

/** The Xen scenarios on an Intel Skylake-Server (06-55-04). */
class IntelXenIT extends XenScenarios {
    IntelXenIT() {
        super(CpuModel.SKYLAKE_SERVER);
    }
}
