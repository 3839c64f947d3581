package io.github.ucode4j.linux;

import static io.github.ucode4j.linux.KernelBackendTest.NEW;
import static io.github.ucode4j.linux.KernelBackendTest.SKYLAKE_SP;
import static io.github.ucode4j.linux.KernelBackendTest.SKYLAKE_SP_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load through the kernel backend that dies half-way leaves its journal; the next load undoes what it names and
 * says so, readers only report it, and a search path someone changed since is left as it is. The real case is a
 * child JVM killed with SIGKILL while the kernel is busy with its reload.
 */
class InterruptedLoadTest {
    /** No process has this id: above the largest {@code pid_max} Linux allows (2^22). */
    private static final long DEAD_PID = 99_999_999L;
    private static final String MARKER = "the-kernel-is-reloading";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private FixtureMachine machine;
    private SortedMap<String, String> distribution;
    private int owner;

    /** The child: a load on the fixture under {@code args[0]} whose kernel never answers; it is killed meanwhile. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        FixtureMachine machine = new FixtureMachine(root);
        KernelBackend backend = KernelBackendTest.backend(machine, Integer.parseInt(args[1]), 0, libc -> reload -> {
            try {
                Files.writeString(root.resolve(MARKER), "");
                Thread.sleep(DEADLINE.toMillis());
                return OptionalInt.empty();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        backend.applySystem(patch.bytes(), new ApplyOptions(false, Optional.of(patch), DEADLINE.multipliedBy(2)));
        System.err.println("the child's load ended: it should have been killed first");
    }

    @BeforeEach
    void intelMachineWithTheDistributionsFirmware() throws IOException {
        machine = KernelBackendTest.intelMachine(root);
        distribution = FirmwareTree.fingerprint(FirmwareTree.populate(machine.firmware));
        owner = (Integer) Files.getAttribute(root, "unix:uid");
    }

    @AfterEach
    void theDistributionsFirmwareIsByteIdentical() {
        assertThat(FirmwareTree.fingerprint(machine.firmware)).isEqualTo(distribution);
    }

    private String searchPathWritten() throws IOException {
        return Files.readString(machine.roots.firmwareSearchPath(), StandardCharsets.ISO_8859_1);
    }

    private Path journal() {
        return machine.roots.run().resolve(ReloadJournal.FILE_NAME);
    }

    private Path folderOf(long pid) {
        return machine.roots.run().resolve("firmware-" + pid);
    }

    private FakeKernel kernel() {
        return new FakeKernel(machine, SKYLAKE_SP_FILE).loading(NEW, 4);
    }

    private SystemResult load(FakeKernel kernel) throws ApplyException {
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, NEW);
        return KernelBackendTest.backend(machine, owner, 0, kernel.trigger())
                .applySystem(patch.bytes(), new ApplyOptions(false, Optional.of(patch), Duration.ofSeconds(10)));
    }

    /** What a load by {@code pid} leaves when it dies after pointing the search path at its folder. */
    private void leftBy(long pid, String searchPathNow) throws IOException {
        Files.createDirectories(machine.roots.run());
        new ReloadJournal(pid, folderOf(pid), "").write(machine.roots.run());
        Files.createDirectories(folderOf(pid).resolve("intel-ucode"));
        Files.writeString(folderOf(pid).resolve(SKYLAKE_SP_FILE), "its patch");
        machine.write(machine.roots.firmwareSearchPath(), searchPathNow);
    }

    private void assertEverythingIsBack(String value) throws IOException {
        assertThat(FakeKernel.kernelValue(searchPathWritten())).isEqualTo(value);
        try (Stream<Path> run = Files.list(machine.roots.run())) {
            assertThat(run.map(p -> p.getFileName().toString())).containsExactly(KernelBackend.LOCK_FILE);
        }
    }

    @Test
    void aLoadKilledHalfWayIsReportedByReadersAndUndoneByTheNextLoad() throws Exception {
        Process child = startChild();
        long pid = child.pid();
        try {
            awaitMarker(child);
            assertThat(journal()).exists();
            assertThat(searchPathWritten()).isEqualTo(folderOf(pid).toString());
            assertThat(KernelBackendTest.backend(machine, owner, 0, kernel().trigger()).platform().notes())
                    .contains("a load through the kernel backend (pid " + pid + ") is under way: firmware_class.path names its "
                            + "private folder " + folderOf(pid) + " until it ends");
            FakeKernel meanwhile = kernel();
            assertThatThrownBy(() -> load(meanwhile)).isInstanceOf(ApplyException.class).hasMessageContaining(
                    "another load through the kernel backend is running on this host (" + machine.roots.run().resolve(KernelBackend.LOCK_FILE)
                            + " is locked by process " + pid + ")");
            assertThat(meanwhile.lookups()).isEmpty();
            assertThat(searchPathWritten()).as("a live load is not undone").isEqualTo(folderOf(pid).toString());
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }

        KernelBackend reader = KernelBackendTest.backend(machine, owner, 0, kernel().trigger());
        assertThat(reader.unavailableReason()).isEmpty();
        assertThat(reader.platform().notes()).contains("a load through the kernel backend (pid " + pid + ") was interrupted and "
                + "left firmware_class.path naming its private folder " + folderOf(pid) + " (it was ''): the next load through "
                + "the kernel backend restores it");
        assertThat(KernelBackendTest.backend(machine, owner, 1000, kernel().trigger()).unavailableReason()).hasValueSatisfying(
                r -> assertThat(r).contains("needs root", ". Also: a load through the kernel backend (pid " + pid + ") was interrupted"));
        assertThat(searchPathWritten()).as("readers change nothing").isEqualTo(folderOf(pid).toString());
        assertThat(journal()).exists();
        assertThat(folderOf(pid).resolve(SKYLAKE_SP_FILE)).exists();

        FakeKernel kernel = kernel();
        SystemResult result = load(kernel);

        assertThat(result.outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(result.message()).startsWith("a previous load (pid " + pid + ") was interrupted; firmware_class.path restored "
                + "to ''. the kernel loaded the microcode");
        assertThat(kernel.lookups()).singleElement().satisfies(lookup -> assertThat(lookup.searchPath())
                .isEqualTo(folderOf(ProcessHandle.current().pid()).toString()));
        assertEverythingIsBack("");
    }

    private Process startChild() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), InterruptedLoadTest.class.getName(),
                root.toString(), Integer.toString(owner)).redirectErrorStream(true).redirectOutput(root.resolve("child.log").toFile())
                .start();
    }

    private void awaitMarker(Process child) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!Files.exists(root.resolve(MARKER))) {
            if (!child.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the child never reached the kernel's reload; it said: "
                        + Files.readString(root.resolve("child.log")));
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aSearchPathSetSinceTheInterruptedLoadIsLeftAsItIs() throws Exception {
        leftBy(DEAD_PID, "/opt/someone-elses\n");
        String note = "firmware_class.path has been set to '/opt/someone-elses' since (it was '' before that load)";
        assertThat(KernelBackendTest.backend(machine, owner, 0, kernel().trigger()).platform().notes())
                .anySatisfy(n -> assertThat(n).contains("(pid " + DEAD_PID + ") was interrupted", note, "leaves it as it is"));

        SystemResult result = load(kernel());

        assertThat(result.message()).startsWith("a previous load (pid " + DEAD_PID + ") was interrupted, and " + note
                + ": left as it is; its private folder was removed");
        assertEverythingIsBack("/opt/someone-elses");
    }

    @Test
    void aLoadInterruptedBeforeItChangedTheSearchPathLeavesOnlyItsFolderToRemove() throws Exception {
        leftBy(DEAD_PID, "\n");

        SystemResult result = load(kernel());

        assertThat(result.message()).startsWith("a previous load (pid " + DEAD_PID + ") was interrupted before it changed "
                + "firmware_class.path (''); its private folder was removed");
        assertEverythingIsBack("");
    }

    @Test
    void aJournalNamingAFolderOutsideTheRunDirectoryIsNotActedOn() throws Exception {
        Files.createDirectories(machine.roots.run());
        Files.writeString(journal(), "pid=" + DEAD_PID + "\nfolder=" + machine.firmware + "\nsearchPath=\n");
        machine.write(machine.roots.firmwareSearchPath(), "/opt/whatever\n");
        FakeKernel kernel = kernel();

        assertThat(KernelBackendTest.backend(machine, owner, 0, kernel.trigger()).platform().notes()).anySatisfy(
                n -> assertThat(n).contains("cannot be used", "is not one the kernel backend writes", "by hand"));
        assertThatThrownBy(() -> load(kernel)).isInstanceOf(ApplyException.class)
                .hasMessageContaining("undoing it failed").hasMessageContaining("nothing was loaded");

        assertThat(kernel.lookups()).isEmpty();
        assertThat(searchPathWritten()).isEqualTo("/opt/whatever\n");
        assertThat(journal()).exists();
    }
}
