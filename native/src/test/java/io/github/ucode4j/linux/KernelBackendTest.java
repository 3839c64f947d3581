package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.linux.libc.Libc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernel backend against a fixture sysfs whose {@code reload} is a regular file, with a fake kernel behind the
 * reload that answers each errno (and, when it loads, moves the sysfs revisions as the kernel would).
 */
class KernelBackendTest {
    private static final CpuSignature SKYLAKE_SP = CpuSignature.of(0x00050654);
    private static final int OLD = 0x2006e05;
    private static final int NEW = 0x2007006;
    private static final byte[] PREVIOUS_FILE = "the distribution's file".getBytes();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private FixtureMachine machine;
    private Path firmwareFile;
    private final List<byte[]> seenByKernel = new ArrayList<>();

    @BeforeEach
    void intelMachineWithAFirmwareFile() throws IOException {
        machine = new FixtureMachine(root).online("0-3").present("0-3")
                .write(root.resolve("sys/devices/system/cpu/microcode/reload"), "");
        for (int cpu = 0; cpu < 4; cpu++) {
            machine.topology(cpu, cpu, 0, Integer.toString(cpu)).microcodeVersion(cpu, OLD).processorFlags(cpu, 0x04)
                    .processor(cpu, "GenuineIntel", 6, 85, 4, OLD, 0, cpu, "fpu msr");
        }
        firmwareFile = machine.roots.firmware().resolve("intel-ucode/06-55-04");
        Files.createDirectories(firmwareFile.getParent());
        Files.write(firmwareFile, PREVIOUS_FILE);
    }

    /** The fake kernel behind the reload file: its answer, after whatever it does. */
    @FunctionalInterface
    private interface FakeKernel {
        OptionalInt answer() throws Exception;
    }

    private static Function<Libc, ReloadTrigger> kernel(FakeKernel fake) {
        return libc -> reload -> {
            try {
                return fake.answer();
            } catch (Exception e) {
                throw new AssertionError("the fake kernel failed", e);
            }
        };
    }

    /** A backend whose kernel reads the staged file, then answers {@code errno} (0: loads, moving every CPU to NEW). */
    private KernelBackend kernelAnswering(int errno) {
        return new KernelBackend(machine.roots, roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(0)), kernel(() -> {
            seenByKernel.add(Files.readAllBytes(firmwareFile));
            if (errno == 0) {
                for (int cpu = 0; cpu < 4; cpu++) {
                    machine.microcodeVersion(cpu, NEW);
                }
                return OptionalInt.empty();
            }
            return OptionalInt.of(errno);
        }));
    }

    private static ApplyOptions planned(MicrocodePatch patch) {
        return new ApplyOptions(false, Optional.of(patch), TIMEOUT);
    }

    private static byte[] bytes(MicrocodePatch patch) {
        ByteBuffer buffer = patch.bytes();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(firmwareFile.getParent())) {
            return files.filter(f -> f.getFileName().toString().contains("ucode4j")).toList();
        }
    }

    @Test
    void aLoadKeepsTheNewFileAndReportsEveryCpusRevisionChange() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        Path reader = Files.createLink(root.resolve("a-reader-of-the-old-file"), firmwareFile);

        SystemResult result = kernelAnswering(0).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(result.errno()).isEmpty();
        assertThat(result.message()).contains("revisions re-read from sysfs: CPUs 0-3: 0x2006e05 -> 0x2007006");
        assertThat(seenByKernel).singleElement().isEqualTo(bytes(patch));
        assertThat(Files.readAllBytes(firmwareFile)).isEqualTo(bytes(patch));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(firmwareFile))).isEqualTo("rw-r--r--");
        assertThat(leftovers()).isEmpty();
        assertThat(Files.readAllBytes(reader)).as("replaced by a rename, never rewritten in place").isEqualTo(PREVIOUS_FILE);
    }

    @ParameterizedTest
    @CsvSource({
        "77, REJECTED, malformed",
        "5, FAILED, at least one CPU failed",
        "16, BUSY, offline",
        "1, NOT_PERMITTED, run as root",
        "22, FAILED, Invalid argument (EINVAL)"})
    void eachKernelErrorIsAResultThatSaysWhatToDoAndThePreviousFileIsBack(int errno, SystemOutcome outcome, String advice) throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        SystemResult result = kernelAnswering(errno).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.errno()).isEqualTo(OptionalInt.of(errno));
        assertThat(result.message()).contains(advice).contains("restored the previous " + firmwareFile);
        assertThat(seenByKernel).singleElement().isEqualTo(bytes(patch));
        assertThat(Files.readAllBytes(firmwareFile)).isEqualTo(PREVIOUS_FILE);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void enoentForAPatchNoNewerThanTheCpusIsUpToDate() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, OLD);

        SystemResult result = kernelAnswering(Errno.ENOENT).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.UP_TO_DATE);
        assertThat(result.message()).contains("revisions re-read from sysfs: CPUs 0-3: 0x2006e05 (unchanged)");
        assertThat(Files.readAllBytes(firmwareFile)).isEqualTo(PREVIOUS_FILE);
    }

    @Test
    void enoentForANewerPatchIsNoMatchingPatch() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        SystemResult result = kernelAnswering(Errno.ENOENT).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.NO_MATCHING_PATCH);
        assertThat(result.message()).contains("no patch newer than the running revision", "signature");
    }

    @Test
    void withoutAPreviousFileAFailedLoadRemovesTheStagedOne() throws Exception {
        Files.delete(firmwareFile);
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        SystemResult result = kernelAnswering(Errno.EIO).applySystem(patch.bytes(), planned(patch));

        assertThat(result.message()).contains("removed the staged " + firmwareFile);
        assertThat(firmwareFile).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aWholeFileWithoutAPlanIsStagedForTheCpusOwnSignature() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        SystemResult result = kernelAnswering(0).applySystem(patch.bytes(), new ApplyOptions(false, Optional.empty(), TIMEOUT));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(Files.readAllBytes(firmwareFile)).isEqualTo(bytes(patch));
    }

    @Test
    void aSymbolicLinkBelowTheFirmwareDirectoryIsRefusedAndNothingIsWritten() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Path intel = firmwareFile.getParent();
        Files.delete(firmwareFile);
        Files.delete(intel);
        Files.createSymbolicLink(intel, elsewhere);
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        assertThatThrownBy(() -> kernelAnswering(0).applySystem(patch.bytes(), planned(patch)))
                .isInstanceOf(ApplyException.class).hasMessageContaining("is a symbolic link: refusing to write through it");
        assertThat(seenByKernel).isEmpty();
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFirmwareFileThatIsASymbolicLinkIsRefusedAndLeftAlone() throws Exception {
        Path real = Files.write(root.resolve("real-file"), PREVIOUS_FILE);
        Files.delete(firmwareFile);
        Files.createSymbolicLink(firmwareFile, real);
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        assertThatThrownBy(() -> kernelAnswering(0).applySystem(patch.bytes(), planned(patch)))
                .isInstanceOf(ApplyException.class).hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(firmwareFile)).isTrue();
        assertThat(Files.readAllBytes(real)).isEqualTo(PREVIOUS_FILE);
    }

    @Test
    void anAmdFileIsStagedAsGivenUnderItsFamilysName() throws Exception {
        FixtureMachine amd = new FixtureMachine(root.resolve("amd")).online("0").topology(0, 0, 0, "0").microcodeVersion(0, 0x0a001143)
                .processor(0, "AuthenticAMD", 25, 1, 1, 0x0a001143, 0, 0, "fpu")
                .write(root.resolve("amd/sys/devices/system/cpu/microcode/reload"), "");
        Files.createDirectories(amd.roots.firmware());
        Path staged = amd.roots.firmware().resolve("amd-ucode/microcode_amd_fam19h.bin");
        List<byte[]> seen = new ArrayList<>();
        KernelBackend backend = new KernelBackend(amd.roots, roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(0)),
                kernel(() -> {
                    seen.add(Files.readAllBytes(staged));
                    return OptionalInt.of(Errno.EIO);
                }));
        MicrocodePatch patch = TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, 0x0a0011d5, 3200);
        byte[] file = new byte[4000];
        new java.util.Random(7).nextBytes(file);

        backend.applySystem(ByteBuffer.wrap(file), planned(patch));

        assertThat(seen).singleElement().isEqualTo(file);
        assertThat(staged).as("no previous file: removed after the failure").doesNotExist();
        assertThat(staged.getParent()).as("created for the staging: removed with it").doesNotExist();
    }

    @Test
    void aForcedLoadIsRefusedBecauseTheKernelCannotForce() {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        assertThatThrownBy(() -> kernelAnswering(0).applySystem(patch.bytes(), new ApplyOptions(true, Optional.of(patch), TIMEOUT)))
                .isInstanceOf(ApplyException.class).hasMessageContaining("cannot force").hasMessageContaining("msr backend");
        assertThat(seenByKernel).isEmpty();
    }

    @Test
    void aKernelThatDoesNotAnswerInTimeIsBusyAndTheStagedFileStays() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        KernelBackend slow = new KernelBackend(machine.roots, roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(0)),
                kernel(() -> {
                    release.await(10, TimeUnit.SECONDS);
                    return OptionalInt.empty();
                }));
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        SystemResult result = slow.applySystem(patch.bytes(), new ApplyOptions(false, Optional.of(patch), Duration.ofMillis(100)));
        release.countDown();

        assertThat(result.outcome()).isEqualTo(SystemOutcome.BUSY);
        assertThat(result.message()).contains("did not finish", "PT0.1S", "left in place");
        assertThat(Files.readAllBytes(firmwareFile)).isEqualTo(bytes(patch));
    }

    @Test
    void unavailableWithoutTheReloadFileOrWithoutRoot() throws Exception {
        KernelBackend notRoot = new KernelBackend(machine.roots, roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(1000)),
                libc -> reload -> OptionalInt.empty());
        assertThat(notRoot.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("needs root", "1000"));

        Files.delete(machine.roots.microcodeReload());
        assertThat(kernelAnswering(0).unavailableReason()).hasValueSatisfying(
                r -> assertThat(r).contains("reload is missing", "CONFIG_MICROCODE_LATE_LOADING", "early initramfs"));
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        assertThatThrownBy(() -> kernelAnswering(0).applySystem(patch.bytes(), planned(patch))).isInstanceOf(ApplyException.class)
                .hasMessageContaining("cannot run here");
        assertThat(Files.readAllBytes(firmwareFile)).isEqualTo(PREVIOUS_FILE);
    }

    @Test
    void availableWithTheReloadFileAsRoot() {
        assertThat(kernelAnswering(0).unavailableReason()).isEmpty();
        assertThat(kernelAnswering(0).name()).isEqualTo("kernel");
    }
}
