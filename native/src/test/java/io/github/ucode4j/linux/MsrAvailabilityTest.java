package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.ApplyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reason the msr backend gives for not running, against a fixture machine. */
class MsrAvailabilityTest {
    @TempDir
    Path root;

    private FixtureMachine machine;

    @BeforeEach
    void machineWithAnMsrDevice() throws Exception {
        machine = new FixtureMachine(root).online("0").processor(0, "GenuineIntel", 6, 85, 4, 1, 0, 0, "fpu");
        Files.createDirectories(machine.roots.msr(0).getParent());
        Files.createFile(machine.roots.msr(0));
    }

    private MsrBackend backendRunningAs(int euid) {
        return new MsrBackend(machine.roots, MsrOptions.DEFAULT, roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(euid)));
    }

    @Test
    void availableAsRootWithTheDeviceAndWritesAllowed() {
        machine.write(root.resolve("sys/module/msr/parameters/allow_writes"), "default\n")
                .write(root.resolve("sys/kernel/security/lockdown"), "[none] integrity confidentiality\n");
        assertThat(backendRunningAs(0).unavailableReason()).isEmpty();
    }

    @Test
    void notRoot() {
        assertThat(backendRunningAs(1000).unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("needs root", "1000"));
    }

    @Test
    void noMsrModule() throws Exception {
        Files.delete(machine.roots.msr(0));
        assertThat(backendRunningAs(0).unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("0/msr is missing", "modprobe msr"));
    }

    @Test
    void aMissingMsrModuleIsToldWithoutOpeningTheHardware() throws Exception {
        Files.delete(machine.roots.msr(0));
        MsrBackend backend = new MsrBackend(machine.roots, MsrOptions.DEFAULT, roots -> {
            throw new AssertionError("the hardware (JNA) was opened to learn that a file is missing");
        });
        assertThat(backend.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("0/msr is missing"));
    }

    @Test
    void writesDisabled() {
        machine.write(root.resolve("sys/module/msr/parameters/allow_writes"), "off\n");
        assertThat(backendRunningAs(0).unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("disabled", "msr.allow_writes=on"));
    }

    @Test
    void lockedDownInEitherMode() {
        for (String mode : new String[] {"none [integrity] confidentiality", "none integrity [confidentiality]"}) {
            machine.write(root.resolve("sys/kernel/security/lockdown"), mode + "\n");
            assertThat(backendRunningAs(0).unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("locked down", "Secure Boot"));
        }
    }

    @Test
    void unknownVendor() {
        FixtureMachine other = new FixtureMachine(root.resolve("other")).online("0").processor(0, "CentaurHauls", 6, 15, 1, 1, 0, 0, "fpu");
        other.write(other.roots.msr(0), "");
        MsrBackend backend = new MsrBackend(other.roots, MsrOptions.DEFAULT, roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(0)));
        assertThat(backend.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("CentaurHauls", "only Intel and AMD"));
    }

    @Test
    void aMachineWhoseLibraryCannotLoadSaysSo() {
        MsrBackend backend = new MsrBackend(machine.roots, MsrOptions.DEFAULT, roots -> {
            throw new ApplyException("JNA could not bind the C library: test", "run on x86-64 Linux");
        });
        assertThat(backend.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("JNA could not bind"));
    }
}
