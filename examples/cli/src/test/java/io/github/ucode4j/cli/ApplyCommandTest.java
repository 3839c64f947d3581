package io.github.ucode4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code apply} reads its firmware again under the host-wide lock: a file that changes while the plan is shown
 * (a package upgrade during the confirmation) refuses the load. On the simulated 1x2x2 Intel machine, with a CPU whose microcode may be late-loaded.
 */
class ApplyCommandTest {
    private static final int PLANNED = 0xc6;
    private static final int UPGRADED = 0xc8;

    @TempDir
    Path directory;

    @RegisterExtension
    final LateLoadableMachine machine = new LateLoadableMachine(PLANNED, () -> directory);



    @Test
    void firmwareThatChangesWhileThePlanIsShownIsRefused() {
        StringWriter out = new WhenPlanShown(() -> GeneratedFirmware.forLateLoadableCpu(machine.firmware(), UPGRADED));
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exitCode = command.execute("apply", "--yes", "--firmware=" + machine.firmware());

        assertThat(exitCode).as(out + "" + err).isEqualTo(ExitCode.APPLY_FAILED);
        assertThat(out.toString()).contains("plan: UPDATE 4").doesNotContain("OUTCOME");
        assertThat(err.toString().lines()).singleElement().asString()
                .contains("nothing was applied", "CPU 0 would now get UPDATE to INTEL rev 0xc8",
                        "the plan chose UPDATE to INTEL rev 0xc6", "plan again");
    }

    /** Standard output that runs an action once, when the plan's summary line has been printed. */
    private static final class WhenPlanShown extends StringWriter {
        private final IoAction action;
        private boolean done;

        WhenPlanShown(IoAction action) {
            this.action = action;
        }

        @Override
        public void flush() {
            if (!done && toString().contains("plan: ")) {
                done = true;
                try {
                    action.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
