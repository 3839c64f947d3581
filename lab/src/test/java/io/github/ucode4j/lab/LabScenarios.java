package io.github.ucode4j.lab;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * What every set of lab scenarios has: one QEMU CPU model, the lab and the guest's programs, one test instance per
 * class (so that its scenarios share boots), and the check that the lab can run here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabScenarios {
    final CpuModel cpu;
    final Lab lab = new Lab();
    final GuestCommands guest = new GuestCommands(lab);

    LabScenarios(CpuModel cpu) {
        this.cpu = cpu;
    }

    // Checked per test so that a machine without the lab reports every scenario as skipped.
    @BeforeEach
    void prerequisites() {
        lab.assumeReady();
    }
}
