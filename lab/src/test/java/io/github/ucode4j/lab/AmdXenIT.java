package io.github.ucode4j.lab;

/** The Xen scenarios on an AMD EPYC-Milan (family 19h). */
class AmdXenIT extends XenScenarios {
    AmdXenIT() {
        super(CpuModel.EPYC_MILAN);
    }
}
