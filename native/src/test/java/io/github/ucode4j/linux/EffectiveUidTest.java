package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.linux.host.LinuxChecks;
import io.github.ucode4j.linux.libc.JnaLibc;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The effective user id, read from /proc/self/status without native code, and from the C library only without it. */
class EffectiveUidTest {
    @TempDir
    Path root;

    @Test
    void theSecondIdOfTheUidLineIsTheEffectiveOne() {
        FixtureMachine machine = new FixtureMachine(root);
        machine.write(machine.roots.procSelfStatus(), "Name:\tucode\nUmask:\t0022\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n");

        assertThat(LinuxChecks.effectiveUid(machine.roots.procSelfStatus())).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void aMissingFileOrLineIsNoAnswer() {
        FixtureMachine machine = new FixtureMachine(root);
        assertThat(LinuxChecks.effectiveUid(machine.roots.procSelfStatus())).isEmpty();

        machine.write(machine.roots.procSelfStatus(), "Name:\tucode\nUid:\tnobody\n");
        assertThat(LinuxChecks.effectiveUid(machine.roots.procSelfStatus())).isEmpty();
    }

    @Test
    void thisProcessesOwnAgreesWithTheCLibrary() throws Exception {
        OptionalInt fromProc = LinuxChecks.effectiveUid(LinuxRoots.SYSTEM.procSelfStatus());

        assertThat(fromProc).isEqualTo(OptionalInt.of(JnaLibc.load().geteuid()));
    }

    @Test
    void theMachinesHardwareTellsTheUserIdWithoutOpeningTheCLibrary() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);
        machine.write(machine.roots.procSelfStatus(), "Uid:\t1000\t1000\t1000\t1000\n");

        int euid = Hardware.MACHINE.effectiveUid(machine.roots, () -> {
            throw new AssertionError("the hardware (JNA) was opened for the user id");
        });

        assertThat(euid).isEqualTo(1000);
    }

    @Test
    void withoutTheStatusFileTheCLibraryIsAsked() throws Exception {
        FixtureMachine machine = new FixtureMachine(root);

        int euid = Hardware.MACHINE.effectiveUid(machine.roots, () -> TestHardware.withoutDevices(machine.roots, new InterposedLibc().euid(7)));

        assertThat(euid).isEqualTo(7);
    }
}
