package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ucode demo}: the whole job on a simulated machine, for either vendor. */
class DemoCommandTest {

    @Test
    void anIntelMachineIsPlannedLoadedAndReported() {
        Ucode.Run run = Ucode.run("demo", "--topology=1x2x2", "--seed=7");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("simulated 1x2x2 intel machine (4 logical CPUs)", "plan: UPDATE 4",
                "outcomes: UPDATED 2, SIBLING_UPDATED 2", "stopped window: ", "result: success");
    }

    @Test
    void anAmdMachineLoadsEveryThread() {
        Ucode.Run run = Ucode.run("demo", "--vendor=amd", "--topology=1x2x2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("amd-ucode/microcode_amd_fam15h.bin", "outcomes: UPDATED 4", "result: success");
    }

    @Test
    void aTopologyThatDoesNotParseIsAUsageError() {
        Ucode.Run run = Ucode.run("demo", "--topology=2x2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--topology", "1x2x2");
    }
}
