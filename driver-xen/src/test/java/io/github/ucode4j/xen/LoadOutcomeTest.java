package io.github.ucode4j.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.ApplyOptions;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.SystemOutcome;
import io.github.ucode4j.api.SystemResult;
import io.github.ucode4j.linux.libc.Errno;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import io.github.ucode4j.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Xen's every answer to a load as an outcome with a message, the EBUSY retry, and the version gating of FORCE. */
class LoadOutcomeTest {
    private static final int OLD = 0x0a001143;
    private static final int NEW = 0x0a0011d5;
    private static final ApplyOptions PLAIN = new ApplyOptions(false, Optional.empty(), Duration.ofSeconds(10));
    private static final ApplyOptions FORCED = new ApplyOptions(true, Optional.empty(), Duration.ofSeconds(10));
    private static final ByteBuffer BLOB = ByteBuffer.wrap(new byte[] {0x44, 0x4d, 0x41, 0x00, 1, 2, 3, 4});

    @TempDir
    Path root;

    private XenRoots roots;

    @BeforeEach
    void dom0() throws IOException {
        roots = new Dom0Tree(root).dom0(true)
                .cpuinfo(Dom0Tree.processor(0, "AuthenticAMD", 25, 1, 1, OLD) + Dom0Tree.processor(1, "AuthenticAMD", 25, 1, 1, OLD))
                .roots();
    }

    private static FakeXen xen(int minor) {
        FakeXen.Cpu milan = FakeXen.Cpu.online("AuthenticAMD", 0x00a00f11, 0, OLD);
        return new FakeXen(new XenVersion(4, minor), List.of(milan, milan));
    }

    private SystemResult load(FakeXen xen, ApplyOptions options) throws ApplyException {
        return new XenBackend(roots, () -> xen).applySystem(BLOB, options);
    }

    @Test
    void eachHypercallIsLoggedWithItsOpAndXensAnswer() throws ApplyException {
        try (LogCapture log = LogCapture.of(XenSession.class)) {
            load(xen(17).answeringLoads(Errno.EBUSY, 0), PLAIN);

            assertThat(log.messages(System.Logger.Level.DEBUG)).containsSubsequence(
                    "XENPF_microcode_update of 8 bytes: Xen answered " + Errno.describe(Errno.EBUSY),
                    "XENPF_microcode_update of 8 bytes: Xen answered 0, loaded");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, LOADED, Xen loaded the microcode",
        "EEXIST, UP_TO_DATE, already run this revision or a newer one",
        "ENOENT, NO_MATCHING_PATCH, no patch in the file matches",
        "EINVAL, REJECTED, malformed or unusable",
        "EIO, FAILED, a CPU refused the update",
        "ENXIO, FAILED, final level, or below the patch's minimum revision (min_rev)",
        "EPERM, NOT_PERMITTED, run as root in dom0",
        "EACCES, UNSUPPORTED, interface version 0x3000001",
        "EFAULT, FAILED, not hypercall-safe",
        "ENOMEM, REJECTED, too large for Xen's heap",
        "ENOSYS, UNSUPPORTED, does not know the command",
        "95, UNSUPPORTED, built without microcode loading",
        "7, FAILED, errno 7",
    })
    void everyAnswerIsAnOutcomeThatPointsAtXensLog(String answer, SystemOutcome outcome, String says) throws ApplyException {
        int errno = errno(answer);
        FakeXen xen = xen(17).answeringLoads(errno);

        SystemResult result = load(xen, PLAIN);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.errno()).isEqualTo(errno == 0 ? OptionalInt.empty() : OptionalInt.of(errno));
        assertThat(result.message()).contains(says).contains("Xen's own log is in 'xl dmesg'");
        assertThat(xen.loads()).hasSize(1);
        assertThat(xen.released()).isTrue();
    }

    private static int errno(String name) {
        return switch (name) {
            case "EEXIST" -> Errno.EEXIST;
            case "ENOENT" -> Errno.ENOENT;
            case "EINVAL" -> Errno.EINVAL;
            case "EIO" -> Errno.EIO;
            case "ENXIO" -> Errno.ENXIO;
            case "EPERM" -> Errno.EPERM;
            case "EACCES" -> Errno.EACCES;
            case "EFAULT" -> Errno.EFAULT;
            case "ENOMEM" -> Errno.ENOMEM;
            case "ENOSYS" -> Errno.ENOSYS;
            default -> Integer.parseInt(name);
        };
    }

    @Test
    void busyIsRetriedOnceThenReportedWithTheRace() throws ApplyException {
        FakeXen xen = xen(17).answeringLoads(Errno.EBUSY, Errno.EBUSY, 0);

        SystemResult result = load(xen, PLAIN);

        assertThat(xen.loads()).hasSize(2);
        assertThat(result.outcome()).isEqualTo(SystemOutcome.BUSY);
        assertThat(result.errno()).hasValue(Errno.EBUSY);
        assertThat(result.message()).contains("Xen 4.17 answered EBUSY (on the retry after EBUSY)",
                "before 4.19.4", "'already up to date' (EEXIST)", "xl dmesg");
    }

    @Test
    void busyThenAlreadyUpToDateIsUpToDate() throws ApplyException {
        FakeXen xen = xen(17).answeringLoads(Errno.EBUSY, Errno.EEXIST);

        SystemResult result = load(xen, PLAIN);

        assertThat(xen.loads()).hasSize(2);
        assertThat(xen.loads().get(1).blob()).isEqualTo(BLOB);
        assertThat(result.outcome()).isEqualTo(SystemOutcome.UP_TO_DATE);
        assertThat(result.message()).contains("answered EEXIST (on the retry after EBUSY)");
    }

    @Test
    void afterALoadOnFourSeventeenTheRevisionIsReadFromMsr0x8BAndNeverFromCpuinfoAsDom0Booted() throws Exception {
        FakeXen xen = xen(17).loadingRevision(NEW);
        XenBackend backend = new XenBackend(roots, () -> xen);
        assertThat(backend.platform().cpus().get(0).state().revision()).hasValue(Revision.of(OLD));

        assertThat(backend.applySystem(BLOB, PLAIN).outcome()).isEqualTo(SystemOutcome.LOADED);

        // dom0's /proc/cpuinfo still says OLD, as it did at boot: without the msr device the revision is now unknown.
        Platform withoutMsr = backend.platform();
        assertThat(withoutMsr.cpus().get(0).state().revision()).isEmpty();
        assertThat(withoutMsr.notes()).anyMatch(note -> note.contains("revision unknown")
                && note.endsWith("dom0's /proc/cpuinfo shows the revision as dom0 booted, before the load just asked of Xen"));

        new Dom0Tree(root).msrDevices(2);
        assertThat(backend.platform().cpus()).allSatisfy(cpu -> assertThat(cpu.state().revision()).hasValue(Revision.of(NEW)));
    }

    @Test
    void busyThenLoadedIsLoaded() throws ApplyException {
        assertThat(load(xen(17).answeringLoads(Errno.EBUSY, 0), PLAIN).outcome()).isEqualTo(SystemOutcome.LOADED);
    }

    @Test
    void forcingNeedsXenFourTwentyAndNothingIsSentBefore() {
        FakeXen xen = xen(17);

        assertThatThrownBy(() -> load(xen, FORCED))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("this Xen (4.17) cannot force a load; it needs 4.20 or later");
        assertThat(xen.loads()).isEmpty();
        assertThat(xen.released()).isTrue();
    }

    @Test
    void forcingOnFourTwentyUsesCommandSixtySixAndPlainLoadsStayOnThirtyFive() throws ApplyException {
        FakeXen forced = xen(20);
        FakeXen plain = xen(20);

        assertThat(load(forced, FORCED).outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(load(plain, PLAIN).outcome()).isEqualTo(SystemOutcome.LOADED);

        assertThat(forced.loads()).singleElement().satisfies(l -> {
            assertThat(l.command()).isEqualTo(66);
            assertThat(l.op().getInt(8)).isEqualTo(PlatformOp.UCODE_FORCE);
            assertThat(l.op().getInt(12)).isEqualTo(BLOB.remaining());
        });
        assertThat(plain.loads()).singleElement().satisfies(l -> assertThat(l.command()).isEqualTo(35));
    }

    @Test
    void onFourEighteenTheRevisionsAreReadBeforeAndAfter() throws ApplyException {
        FakeXen xen = xen(18).loadingRevision(NEW);

        SystemResult result = load(xen, PLAIN);

        assertThat(result.outcome()).isEqualTo(SystemOutcome.LOADED);
        assertThat(result.message()).contains("Revisions re-read from Xen: CPUs 0-1: 0xa001143 -> 0xa0011d5");
        List<Integer> commands = xen.platformOps().stream().map(FakeXen.Ioctl::command).toList();
        int loadAt = commands.indexOf(PlatformOp.MICROCODE_UPDATE);
        assertThat(commands.subList(0, loadAt)).contains(PlatformOp.GET_UCODE_REVISION);
        assertThat(commands.subList(loadAt + 1, commands.size())).contains(PlatformOp.GET_UCODE_REVISION);
    }

    @Test
    void onFourSeventeenTheRevisionHypercallIsNeverMade() throws ApplyException {
        FakeXen xen = xen(17).loadingRevision(NEW);

        SystemResult result = load(xen, PLAIN);

        assertThat(result.message()).contains("Xen 4.17 cannot itself report the revisions now running; with the msr module,"
                + " dom0 reads them through its virtual CPUs");
        assertThat(xen.platformOps()).extracting(FakeXen.Ioctl::command).doesNotContain(PlatformOp.GET_UCODE_REVISION);
    }

    @Test
    void aLoadXenDoesNotAnswerInTimeTimesOutAndItsMemoryIsFreedWhenXenAnswers() throws Exception {
        CountDownLatch xenAnswers = new CountDownLatch(1);
        FakeXen xen = xen(17).holdingLoadsUntil(xenAnswers);

        SystemResult result = load(xen, new ApplyOptions(false, Optional.empty(), Duration.ofMillis(200)));

        assertThat(result.outcome()).isEqualTo(SystemOutcome.TIMED_OUT);
        assertThat(result.errno()).isEmpty();
        assertThat(result.message()).contains("did not answer the load within PT0.2S", "it may still finish", "xl dmesg");
        assertThat(xen.released()).isFalse();
        xenAnswers.countDown();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!xen.released() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(xen.released()).isTrue();
    }

    @Test
    void aBackendThatCannotRunHereSaysWhyInsteadOfLoading() {
        FakeXen xen = xen(17).asUser(1000);

        assertThatThrownBy(() -> load(xen, PLAIN))
                .isInstanceOf(ApplyException.class)
                .hasMessageContaining("the xen backend cannot run here: making hypercalls through privcmd in dom0 needs root");
        assertThat(xen.ioctls).isEmpty();
    }
}
