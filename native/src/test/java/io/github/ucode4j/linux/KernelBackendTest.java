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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.github.ucode4j.linux.libc.Errno;
import io.github.ucode4j.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernel backend against a fixture machine: sysfs with a {@code reload} file and the firmware loader's search
 * path, {@code lib/firmware} with the distribution's files, and a {@link FakeKernel} behind the reload that looks the
 * firmware up as the kernel does. After every outcome, {@code lib/firmware} must be byte-identical and the search path
 * hold its value again.
 */
class KernelBackendTest {
    static final CpuSignature SKYLAKE_SP = CpuSignature.of(0x00050654);
    static final String SKYLAKE_SP_FILE = "intel-ucode/06-55-04";
    static final int OLD = 0x2006e05;
    static final int NEW = 0x2007006;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How the kernel shows an empty search path, the default. */
    private static final String EMPTY_SHOWN = "\n";

    @TempDir
    Path root;

    private FixtureMachine machine;
    private SortedMap<String, String> distribution;
    private int owner;

    @BeforeEach
    void intelMachineWithTheDistributionsFirmware() throws IOException {
        machine = intelMachine(root);
        distribution = FirmwareTree.fingerprint(FirmwareTree.populate(machine.firmware));
        owner = (Integer) Files.getAttribute(root, "unix:uid");
    }

    /** Four Skylake-SP CPUs at revision {@link #OLD}, a kernel that can late-load, an empty search path. */
    static FixtureMachine intelMachine(Path root) {
        FixtureMachine machine = new FixtureMachine(root).online("0-3").present("0-3").lateLoading(EMPTY_SHOWN);
        for (int cpu = 0; cpu < 4; cpu++) {
            machine.topology(cpu, cpu, 0, Integer.toString(cpu)).microcodeVersion(cpu, OLD).processorFlags(cpu, 0x04)
                    .processor(cpu, "GenuineIntel", 6, 85, 4, OLD, 0, cpu, "fpu msr");
        }
        return machine;
    }

    @AfterEach
    void theDistributionsFirmwareIsByteIdentical() {
        assertThat(FirmwareTree.fingerprint(machine.firmware)).isEqualTo(distribution);
    }

    private KernelBackend backend(Function<Libc, ReloadTrigger> trigger) {
        return backend(machine, owner, 0, trigger);
    }

    static KernelBackend backend(FixtureMachine machine, int runOwner, int euid, Function<Libc, ReloadTrigger> trigger) {
        return new KernelBackend(machine.roots, runOwner, roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(euid)),
                trigger);
    }

    private FakeKernel kernel() {
        return new FakeKernel(machine, SKYLAKE_SP_FILE).loading(NEW, 4);
    }

    private static ApplyOptions planned(MicrocodePatch patch) {
        return new ApplyOptions(false, Optional.of(patch), TIMEOUT);
    }

    static byte[] bytes(MicrocodePatch patch) {
        ByteBuffer buffer = patch.bytes();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private Path privateFolder() {
        return machine.roots.run().resolve("firmware-" + ProcessHandle.current().pid());
    }

    private String searchPathWritten() throws IOException {
        return Files.readString(machine.roots.firmwareSearchPath(), StandardCharsets.ISO_8859_1);
    }

    /** The search path holds its value again, and the run directory keeps nothing but the lock file. */
    private void assertEverythingIsBack(String shownBefore) throws IOException {
        assertThat(FakeKernel.kernelValue(searchPathWritten())).isEqualTo(FakeKernel.kernelValue(shownBefore));
        try (Stream<Path> run = Files.list(machine.roots.run())) {
            assertThat(run.map(p -> p.getFileName().toString())).containsExactly(KernelBackend.LOCK_FILE);
        }
    }

    /** The kernel read the planned bytes from the private folder, named by the search path without a newline. */
    private void assertTheKernelReadFromThePrivateFolder(FakeKernel kernel, byte[] planned) {
        assertThat(kernel.lookups()).singleElement().satisfies(lookup -> {
            assertThat(lookup.searchPath()).isEqualTo(privateFolder().toString());
            assertThat(lookup.file()).contains(privateFolder().resolve(SKYLAKE_SP_FILE));
            assertThat(lookup.bytes()).isEqualTo(planned);
        });
    }

    @Test
    void aLoadReadsThePlannedFileFromAPrivateFolderAndLeavesTheSystemAsItWas() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        FakeKernel kernel = kernel();

        SystemResult result = backend(kernel.trigger()).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(result.errno()).isEmpty();
        assertThat(result.message()).contains("revisions re-read from sysfs: CPUs 0-3: 0x2006e05 -> 0x2007006",
                "/lib/firmware was not changed", "early initramfs");
        assertTheKernelReadFromThePrivateFolder(kernel, bytes(patch));
        assertThat(searchPathWritten()).as("the empty value, written as the one NUL the kernel stores as empty").isEqualTo("\0");
        assertEverythingIsBack(EMPTY_SHOWN);
    }

    @Test
    void eachStepOfALoadIsLoggedTheFirmwareStagedTheSearchPathSetTheReloadAndThePathPutBack() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        FakeKernel kernel = kernel().answering(16);

        try (LogCapture redirect = LogCapture.of(SearchPathRedirect.class); LogCapture backend = LogCapture.of(KernelBackend.class)) {
            backend(kernel.trigger()).applySystem(patch.bytes(), planned(patch));

            assertThat(redirect.lines()).containsExactly(
                    "DEBUG staged 1 firmware files in " + privateFolder() + ": [" + SKYLAKE_SP_FILE + "]",
                    "DEBUG firmware_class.path set to " + privateFolder() + " (it was '')",
                    "DEBUG firmware_class.path put back to ''",
                    "DEBUG removed " + privateFolder() + " and the journal");
            assertThat(backend.lines()).hasSize(2);
            assertThat(backend.lines().get(0)).startsWith("DEBUG writing 1 to " + machine.roots.microcodeReload() + ", deadline ");
            assertThat(backend.lines().get(1)).isEqualTo("DEBUG the kernel answered errno 16 (" + Errno.describe(16) + ")");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "77, REJECTED, malformed",
        "5, FAILED, at least one CPU failed",
        "16, BUSY, offline",
        "1, NOT_PERMITTED, run as root",
        "13, NOT_PERMITTED, run as root",
        "2, NO_MATCHING_PATCH, no patch newer than the running revision",
        "22, FAILED, Invalid argument (EINVAL)"})
    void eachRefusalIsAResultThatSaysWhatToDoAndTheSystemIsAsItWas(int errno, SystemOutcome outcome, String advice) throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        FakeKernel kernel = kernel().answering(errno);

        SystemResult result = backend(kernel.trigger()).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.errno()).isEqualTo(OptionalInt.of(errno));
        assertThat(result.message()).contains(advice);
        assertTheKernelReadFromThePrivateFolder(kernel, bytes(patch));
        assertEverythingIsBack(EMPTY_SHOWN);
    }

    @Test
    void enoentForAPatchNoNewerThanTheCpusIsUpToDate() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, OLD);

        SystemResult result = backend(kernel().answering(Errno.ENOENT).trigger()).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.UP_TO_DATE);
        assertThat(result.message()).contains("revisions re-read from sysfs: CPUs 0-3: 0x2006e05 (unchanged)");
        assertEverythingIsBack(EMPTY_SHOWN);
    }

    @Test
    void enoentForAnAmdReloadOfTheRunningRevisionIsUpToDateNotAMissingPatch() throws Exception {
        int running = 0x0a0011d5;
        FixtureMachine amd = new FixtureMachine(root.resolve("amd")).online("0-1").present("0-1").lateLoading(EMPTY_SHOWN);
        for (int cpu = 0; cpu < 2; cpu++) {
            amd.topology(cpu, cpu, 0, Integer.toString(cpu)).microcodeVersion(cpu, running)
                    .processor(cpu, "AuthenticAMD", 25, 1, 1, running, 0, cpu, "fpu msr");
        }
        MicrocodePatch patch = TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, running, 3200);
        FakeKernel kernel = new FakeKernel(amd, "amd-ucode/microcode_amd_fam19h.bin").answering(Errno.ENOENT);

        SystemResult result = backend(amd, owner, 0, kernel.trigger()).applySystem(patch.bytes(), planned(patch));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.UP_TO_DATE);
        assertThat(result.message()).contains("already run this revision or a newer one");
    }

    @Test
    void aSearchPathThatWasSetIsPutBackExactlyAndWithoutANewline() throws Exception {
        machine.write(machine.roots.firmwareSearchPath(), "/opt/vendor-firmware\n");
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        FakeKernel kernel = kernel();

        backend(kernel.trigger()).applySystem(patch.bytes(), planned(patch));

        assertTheKernelReadFromThePrivateFolder(kernel, bytes(patch));
        assertThat(searchPathWritten()).isEqualTo("/opt/vendor-firmware");
        assertEverythingIsBack("/opt/vendor-firmware\n");
    }

    @Test
    void aWholeFileWithoutAPlanIsNamedForTheCpusOwnSignature() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        FakeKernel kernel = kernel();

        SystemResult result = backend(kernel.trigger()).applySystem(patch.bytes(), new ApplyOptions(false, Optional.empty(), TIMEOUT));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.LOADED);
        assertTheKernelReadFromThePrivateFolder(kernel, bytes(patch));
    }

    @Test
    void aKernelThatDoesNotAnswerInTimeTimesOutWithTheSystemAsItWas() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeKernel kernel = kernel().blockedUntil(release);
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        SystemResult result = backend(kernel.trigger()).applySystem(patch.bytes(),
                new ApplyOptions(false, Optional.of(patch), Duration.ofMillis(100)));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.TIMED_OUT);
        assertThat(result.message()).contains("timed out", "PT0.1S", "Nothing of the system's was changed");
        assertEverythingIsBack(EMPTY_SHOWN);

        release.countDown();
        assertThat(kernel.awaitAnswer(TIMEOUT)).isTrue();
        assertThat(kernel.lookups()).singleElement().as("a kernel that looks only now finds the distribution's file")
                .satisfies(lookup -> assertThat(lookup.file()).contains(machine.firmware.resolve(SKYLAKE_SP_FILE)));
    }

    @Test
    void aLinkPlantedWhereThePrivateFolderGoesIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.createDirectories(machine.roots.run());
        Files.createSymbolicLink(privateFolder(), elsewhere);
        FakeKernel kernel = kernel();
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        assertThatThrownBy(() -> backend(kernel.trigger()).applySystem(patch.bytes(), planned(patch)))
                .isInstanceOf(ApplyException.class).hasMessageContaining("is a symbolic link: refusing to write through it")
                .hasMessageContaining("nothing was loaded");

        assertThat(kernel.lookups()).isEmpty();
        assertThat(Files.isSymbolicLink(privateFolder())).as("not ours: left alone").isTrue();
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        Files.delete(privateFolder());
        assertEverythingIsBack(EMPTY_SHOWN);
    }

    @Test
    void aRunDirectoryThatIsALinkIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.createDirectories(machine.roots.run().getParent());
        Files.createSymbolicLink(machine.roots.run(), elsewhere);
        FakeKernel kernel = kernel();
        KernelBackend backend = backend(kernel.trigger());
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);

        assertThat(backend.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("is a symbolic link"));
        assertThatThrownBy(() -> backend.applySystem(patch.bytes(), planned(patch))).isInstanceOf(ApplyException.class)
                .hasMessageContaining("cannot run here");

        assertThat(kernel.lookups()).isEmpty();
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        assertThat(searchPathWritten()).isEqualTo(EMPTY_SHOWN);
    }

    @Test
    void aRunDirectoryOfAnotherOwnerOrWritableByOthersIsRefused() throws Exception {
        Files.createDirectories(machine.roots.run());
        assertThat(backend(machine, owner + 1, 0, kernel().trigger()).unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).contains("belongs to user id " + owner, "not user id " + (owner + 1)));

        Files.setPosixFilePermissions(machine.roots.run(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(backend(kernel().trigger()).unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).contains("can be written by other users", "chmod go-w"));
    }

    @Test
    void aRunDirectoryTooLongForTheSearchPathIsRefused() {
        Path deep = root.resolve("d".repeat(250));
        KernelBackend backend = new KernelBackend(machine.roots.withRun(deep), owner,
                roots -> TestHardware.withoutDevices(roots, new InterposedLibc().euid(0)), kernel().trigger());

        assertThat(backend.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("holds at most 255"));
    }

    @Test
    void anAmdFileIsWrittenAsGivenUnderItsFamilysName() throws Exception {
        FixtureMachine amd = new FixtureMachine(root.resolve("amd")).online("0").topology(0, 0, 0, "0").microcodeVersion(0, 0x0a001143)
                .processor(0, "AuthenticAMD", 25, 1, 1, 0x0a001143, 0, 0, "fpu").lateLoading(EMPTY_SHOWN);
        SortedMap<String, String> amdDistribution = FirmwareTree.fingerprint(FirmwareTree.populate(amd.firmware));
        FakeKernel kernel = new FakeKernel(amd, "amd-ucode/microcode_amd_fam19h.bin").answering(Errno.EIO);
        MicrocodePatch patch = TestPatches.amd(CpuSignature.of(0x00a00f11), 0xa011, 0x0a0011d5, 3200);
        byte[] file = new byte[4000];
        new Random(7).nextBytes(file);

        backend(amd, owner, 0, kernel.trigger()).applySystem(ByteBuffer.wrap(file), planned(patch));

        Path folder = amd.roots.run().resolve("firmware-" + ProcessHandle.current().pid());
        assertThat(kernel.lookups()).singleElement().satisfies(lookup -> {
            assertThat(lookup.file()).contains(folder.resolve("amd-ucode/microcode_amd_fam19h.bin"));
            assertThat(lookup.bytes()).isEqualTo(file);
        });
        assertThat(FirmwareTree.fingerprint(amd.firmware)).isEqualTo(amdDistribution);
        assertThat(folder).doesNotExist();
    }

    @Test
    void aForcedLoadIsRefusedBecauseTheKernelCannotForce() throws Exception {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        FakeKernel kernel = kernel();

        assertThatThrownBy(() -> backend(kernel.trigger()).applySystem(patch.bytes(), new ApplyOptions(true, Optional.of(patch), TIMEOUT)))
                .isInstanceOf(ApplyException.class).hasMessageContaining("cannot force").hasMessageContaining("msr backend");
        assertThat(kernel.lookups()).isEmpty();
        assertThat(machine.roots.run()).doesNotExist();
    }

    @Test
    void aSecondLoadWhileOneRunsFailsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeKernel slow = kernel().blockedUntil(release);
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        CompletableFuture<SystemResult> first = CompletableFuture.supplyAsync(() -> {
            try {
                return backend(slow.trigger()).applySystem(patch.bytes(), planned(patch));
            } catch (ApplyException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(slow.awaitReload(TIMEOUT)).isTrue();
        FakeKernel second = kernel();

        assertThatThrownBy(() -> backend(second.trigger()).applySystem(patch.bytes(), planned(patch)))
                .isInstanceOf(ApplyException.class).hasMessageContaining("another load through the kernel backend is running");

        release.countDown();
        assertThat(first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(second.lookups()).isEmpty();
        assertEverythingIsBack(EMPTY_SHOWN);
    }

    @Test
    void unavailableWithoutTheReloadFileTheSearchPathOrRootOrInAnotherMountNamespace() throws Exception {
        assertThat(backend(machine, owner, 1000, kernel().trigger()).unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).contains("needs root", "1000"));

        Files.createDirectories(machine.roots.proc().resolve("self/ns"));
        Files.createDirectories(machine.roots.proc().resolve("1/ns"));
        Files.createSymbolicLink(machine.roots.proc().resolve("self/ns/mnt"), Path.of("mnt:[4026532301]"));
        Files.createSymbolicLink(machine.roots.proc().resolve("1/ns/mnt"), Path.of("mnt:[4026531841]"));
        assertThat(backend(kernel().trigger()).unavailableReason()).hasValueSatisfying(
                r -> assertThat(r).contains("another mount namespace than init", "mnt:[4026532301]", "host's mount namespace"));

        Files.delete(machine.roots.firmwareSearchPath());
        assertThat(backend(kernel().trigger()).unavailableReason()).hasValueSatisfying(
                r -> assertThat(r).contains("firmware_class/parameters/path is missing", "never writes /lib/firmware"));

        Files.delete(machine.roots.microcodeReload());
        assertThat(backend(kernel().trigger()).unavailableReason()).hasValueSatisfying(
                r -> assertThat(r).contains("reload is missing", "CONFIG_MICROCODE_LATE_LOADING", "early initramfs"));
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        assertThatThrownBy(() -> backend(kernel().trigger()).applySystem(patch.bytes(), planned(patch)))
                .isInstanceOf(ApplyException.class).hasMessageContaining("cannot run here");
    }

    @Test
    void availableWithTheReloadFileAndTheSearchPathAsRoot() {
        assertThat(backend(kernel().trigger()).unavailableReason()).isEmpty();
        assertThat(backend(kernel().trigger()).name()).isEqualTo("kernel");
    }
}
