package io.github.ucode4j.lab;

/** The Xen 4.20 scenarios on an AMD EPYC-Milan (family 19h). */
class AmdXen420IT extends Xen420Scenarios {
    AmdXen420IT() {
        super(CpuModel.EPYC_MILAN);
    }
}
