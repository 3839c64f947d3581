package io.github.ucode4j.lab;

/** The Xen 4.17 scenarios on an Intel Skylake-Server (06-55-04). */
class IntelXen417IT extends Xen417Scenarios {
    IntelXen417IT() {
        super(CpuModel.SKYLAKE_SERVER);
    }
}
