package io.github.ucode4j.lab;

/** The Xen 4.20 scenarios on an Intel Skylake-Server (06-55-04). */
class IntelXen420IT extends Xen420Scenarios {
    IntelXen420IT() {
        super(CpuModel.SKYLAKE_SERVER);
    }
}
