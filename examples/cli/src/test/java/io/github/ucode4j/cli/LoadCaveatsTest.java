package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.MicrocodeDrivers;
import io.github.ucode4j.api.spi.ApplyBackend;
import io.github.ucode4j.cache.MicrocodeCache;
import io.github.ucode4j.cache.PlanPolicy;
import io.github.ucode4j.cache.Planner;
import io.github.ucode4j.cli.text.PlanText;
import io.github.ucode4j.linux.LinuxRoots;
import io.github.ucode4j.linux.MsrBackend;
import io.github.ucode4j.linux.MsrOptions;
import io.github.ucode4j.rendezvous.simulated.SimulatedBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a load through the msr backend leaves behind is said where a person chooses it: in the plan (which apply,
 * apply --dry-run and explain print) and in the help of --backend.
 */
class LoadCaveatsTest {
    @TempDir
    Path root;

    private static String planText(ApplyBackend backend) throws Exception {
        StringWriter text = new StringWriter();
        PlanText.print(new Planner(MicrocodeDrivers.load()).plan(backend.platform(), MicrocodeCache.builder().build(), PlanPolicy.SAFE),
                new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void theMsrBackendsPlanSaysALoadTaintsTheKernelAndLeavesItsViewBehind() throws Exception {
        LinuxRoots roots = LinuxRoots.under(root);
        Files.createDirectories(roots.sysCpu());
        Files.writeString(roots.sysCpu().resolve("online"), "0\n");
        Files.createDirectories(roots.proc());
        Files.writeString(roots.cpuinfo(), "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\n"
                + "stepping\t: 4\nmicrocode\t: 0x2006e05\n\n");

        String plan = planText(new MsrBackend(roots, MsrOptions.DEFAULT));

        assertThat(plan).contains("backend msr, 1 logical CPUs").contains("note: " + MsrBackend.LOAD_CAVEAT)
                .contains("taints the kernel", "showing the old revision", "mitigations", "prefer an early load at boot");
    }

    @Test
    void theSimulatedMachinesPlanSaysNothingOfTaint() throws Exception {
        try (SimulatedBackend simulated = new SimulatedBackend()) {
            assertThat(planText(simulated)).contains("backend simulated").doesNotContain("taint");
        }
    }

    @Test
    void theBackendOptionsHelpSaysWhatALoadThroughMsrLeavesBehind() {
        Ucode.Run run = Ucode.run("apply", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("--backend=NAME", "Beware: a load through msr taints the kernel",
                "prefer an early load at boot");
    }
}
