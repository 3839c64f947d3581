package io.github.ucode4j.lab;

/** The Xen 4.17 scenarios on an AMD EPYC-Milan (family 19h). */
class AmdXen417IT extends Xen417Scenarios {
    AmdXen417IT() {
        super(CpuModel.EPYC_MILAN);
    }
}
