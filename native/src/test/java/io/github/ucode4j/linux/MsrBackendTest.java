package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ucode4j.api.ApplyException;
import io.github.ucode4j.api.CpuOutcome;
import io.github.ucode4j.api.CpuResult;
import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.Fact;
import io.github.ucode4j.api.LoadProtocol;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.linux.libc.Errno;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import io.github.ucode4j.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The msr backend's load protocol against simulated Intel and AMD CPUs that read the patch from real memory. */
class MsrBackendTest {
    private static final CpuSignature SKYLAKE_SP = CpuSignature.of(0x00050654);
    private static final int INTEL_OLD = 0x02006e05;
    private static final int INTEL_NEW = 0x02007006;
    private static final CpuSignature MILAN = CpuSignature.of(0x00a00f11);
    private static final int MILAN_EQUIVALENCE_ID = 0xa011;
    private static final int AMD_OLD = 0x0a001143;
    private static final int AMD_NEW = 0x0a0011d5;
    private static final LogicalCpu CPU1 = LogicalCpu.alone(1, 1, 0);

    @TempDir
    Path root;

    private MsrBackend backend;

    @AfterEach
    void release() throws ApplyException {
        if (backend != null) {
            backend.release();
        }
    }

    private MsrBackend backend(SimulatedCpus cpus, MsrAddressPolicy policy) {
        backend = new MsrBackend(LinuxRoots.under(root), new MsrOptions(policy, MsrOptions.NON_KASLR_PHYSMAP_BASE), r -> cpus.hardware());
        return backend;
    }

    private CpuResult load(MsrBackend msr, MicrocodePatch patch, LoadProtocol protocol) throws ApplyException {
        msr.prepare(patch, protocol);
        msr.pinCurrentThread(CPU1);
        return msr.apply(CPU1, patch, protocol);
    }

    @Test
    void intelLoadsANewerPatchFromItsUserAddressAndReportsBothRevisions() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.before()).contains(Revision.of(INTEL_OLD));
        assertThat(result.after()).contains(Revision.of(INTEL_NEW));
        assertThat(result.message()).contains("user address 0x", "0x2007006 over 0x2006e05");
        assertThat(cpus.revision(1)).isEqualTo(INTEL_NEW);
        assertThat(cpus.revision(0)).as("only the CPU asked").isEqualTo(INTEL_OLD);
        assertThat(cpus.triggerValues()).singleElement().satisfies(address -> assertThat(address % 16).isZero());
    }

    @Test
    void thePatchPreparedThePinnedThreadAndTheReleaseAreLogged() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        try (LogCapture log = LogCapture.of(MsrBackend.class)) {
            MsrBackend msr = backend(cpus, MsrAddressPolicy.USER_ADDRESS);
            load(msr, TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL);
            msr.release();

            assertThat(log.lines()).hasSize(3);
            assertThat(log.lines().get(0)).startsWith("DEBUG prepared ").contains("in locked memory: user address 0x");
            assertThat(log.lines().get(1)).isEqualTo("TRACE pinned a thread to CPU 1 and opened its msr device");
            assertThat(log.lines().get(2)).isEqualTo("DEBUG released 1 prepared patches");
        }
    }

    @Test
    void intelRefusalOfAnOlderPatchIsReportedAsRefusedWithBothRevisionsNeverUpdated() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_NEW);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_OLD), TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.REFUSED);
        assertThat(result.before()).contains(Revision.of(INTEL_NEW));
        assertThat(result.after()).contains(Revision.of(INTEL_NEW));
        assertThat(result.message()).contains("still reports revision 0x2007006", "patch 0x2006e05", "refused");
    }

    @Test
    void intelIgnoresAPatchWithABadChecksumAndTheBackendSaysRefused() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        MicrocodePatch corrupted = TestPatches.corrupted(TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW));
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), corrupted, TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.REFUSED);
        assertThat(cpus.revision(1)).isEqualTo(INTEL_OLD);
    }

    @Test
    void intelPatchForAnotherPlatformIsRefused() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 6, 2, INTEL_OLD);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.intel(SKYLAKE_SP, 0x01, INTEL_NEW), TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.REFUSED);
    }

    @Test
    void aUserAddressIsNotWrittenFromAThreadOnAnotherCpu() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        MsrBackend msr = backend(cpus, MsrAddressPolicy.USER_ADDRESS);
        MicrocodePatch patch = TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW);
        msr.prepare(patch, TestPatches.INTEL_PROTOCOL);

        CpuResult result = msr.apply(CPU1, patch, TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(result.message()).contains("nothing loaded", "runs on CPU 0", "pinned");
        assertThat(cpus.triggerValues()).isEmpty();
    }

    @Test
    void anUnpreparedPatchIsNotLoaded() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        MsrBackend msr = backend(cpus, MsrAddressPolicy.USER_ADDRESS);
        msr.pinCurrentThread(CPU1);

        CpuResult result = msr.apply(CPU1, TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(result.message()).contains("prepare");
        assertThat(cpus.triggerValues()).isEmpty();
    }

    @Test
    void intelLoadsThroughTheKernelDirectMapAndSaysWhichBaseItAssumed() throws ApplyException {
        new FixtureMachine(root).write(root.resolve("proc/cmdline"), "BOOT_IMAGE=/vmlinuz root=/dev/vda nokaslr quiet\n");
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.KERNEL_DIRECT_MAP), TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.message()).contains("kernel direct-map address 0xffff888", "physmap base 0xffff888000000000",
                "non-KASLR default; kernel booted with nokaslr");
        assertThat(Long.compareUnsigned(cpus.triggerValues().get(0), MsrOptions.NON_KASLR_PHYSMAP_BASE)).isPositive();
    }

    @Test
    void theDefaultPhysmapBaseIsRefusedUnlessTheKernelWasBootedWithoutKaslr() {
        new FixtureMachine(root).write(root.resolve("proc/cmdline"), "BOOT_IMAGE=/vmlinuz root=/dev/vda quiet\n");
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        MsrBackend msr = backend(cpus, MsrAddressPolicy.KERNEL_DIRECT_MAP);

        assertThatThrownBy(() -> msr.prepare(TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL))
                .isInstanceOf(ApplyException.class).hasMessageContaining("not booted with nokaslr")
                .hasMessageContaining("ucode4j.msr.physmapBase");
        assertThat(cpus.triggerValues()).isEmpty();
    }

    @Test
    void amdLoadsANewerPatchThroughTheDirectMapWithAConfiguredBase() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 2, AMD_OLD);
        long base = 0xff11000000000000L;
        cpus.physmapBase(base);
        backend = new MsrBackend(LinuxRoots.under(root), new MsrOptions(MsrAddressPolicy.KERNEL_DIRECT_MAP, base), r -> cpus.hardware());

        CpuResult result = load(backend, TestPatches.amd(MILAN, MILAN_EQUIVALENCE_ID, AMD_NEW, 5568), TestPatches.AMD_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.message()).contains("physmap base 0xff11000000000000 (configured)").doesNotContain("non-KASLR");
        assertThat(cpus.revision(1)).isEqualTo(AMD_NEW);
    }

    @Test
    void amdReappliesTheSameRevisionAndCallsItUpdated() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 2, AMD_NEW);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.amd(MILAN, MILAN_EQUIVALENCE_ID, AMD_NEW, 3200), TestPatches.AMD_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.message()).contains("reloaded revision 0xa0011d5, the revision it already ran");
        assertThat(cpus.triggerValues()).singleElement().satisfies(address -> assertThat(address % 16).isZero());
    }

    @Test
    void aForcedIntelReloadOfTheRunningRevisionIsUpdatedAsThroughTheKernelOrXen() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_NEW);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.message()).contains("reloaded revision 0x2007006", "forced reload", "MSR 0x79");
    }

    @Test
    void amdGeneralProtectionOnAnOlderPatchIsAFailureWithErrnoFiveAndTheExplanation() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 2, AMD_NEW);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.amd(MILAN, MILAN_EQUIVALENCE_ID, AMD_OLD, 3200), TestPatches.AMD_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(result.errno()).isEqualTo(OptionalInt.of(Errno.EIO));
        assertThat(result.before()).contains(Revision.of(AMD_NEW));
        assertThat(result.message()).contains("writing MSR 0xc0010020 on CPU 1 failed: Input/output error (EIO)", "#GP",
                "older than the running one", "user address 0x");
        assertThat(cpus.revision(1)).isEqualTo(AMD_NEW);
    }

    @Test
    void amdPatchForAnotherProcessorIsAFailureWithEio() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 2, AMD_OLD);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.amd(MILAN, 0x8310, AMD_NEW, 3200), TestPatches.AMD_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(result.errno()).isEqualTo(OptionalInt.of(Errno.EIO));
    }

    @Test
    void refusedMsrWritesAreAFailureWithEpermAndSayWhatToCheck() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 2, AMD_OLD);
        cpus.refuseWrites(Errno.EPERM);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.amd(MILAN, MILAN_EQUIVALENCE_ID, AMD_NEW, 3200), TestPatches.AMD_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(result.errno()).isEqualTo(OptionalInt.of(Errno.EPERM));
        assertThat(result.message()).contains("Operation not permitted (EPERM)", "root", "allow_writes", "lockdown");
    }

    @Test
    void intelRevisionReadNeedsAWriteSoRefusedWritesStopTheLoadBeforeTheTrigger() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        cpus.refuseWrites(Errno.EPERM);
        CpuResult result = load(backend(cpus, MsrAddressPolicy.USER_ADDRESS), TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL);

        assertThat(result.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(result.errno()).isEqualTo(OptionalInt.of(Errno.EPERM));
        assertThat(result.message()).contains("nothing loaded", "allow_writes");
        assertThat(cpus.triggerValues()).isEmpty();
    }

    @Test
    void everyAmdThreadLoadsConcurrentlyFromItsOwnPinnedThread() throws Exception {
        SimulatedCpus cpus = SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 4, AMD_OLD);
        MsrBackend msr = backend(cpus, MsrAddressPolicy.USER_ADDRESS);
        MicrocodePatch patch = TestPatches.amd(MILAN, MILAN_EQUIVALENCE_ID, AMD_NEW, 3200);
        msr.prepare(patch, TestPatches.AMD_PROTOCOL);
        List<CompletableFuture<CpuResult>> results = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            LogicalCpu cpu = LogicalCpu.alone(index, index, 0);
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    msr.pinCurrentThread(cpu);
                } catch (ApplyException e) {
                    throw new IllegalStateException(e);
                }
                return msr.apply(cpu, patch, TestPatches.AMD_PROTOCOL);
            }, runnable -> new Thread(runnable).start()));
        }
        for (CompletableFuture<CpuResult> result : results) {
            assertThat(result.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(CpuOutcome.UPDATED);
        }
        assertThat(cpus.triggerValues()).hasSize(4).containsOnly(cpus.triggerValues().get(0));
    }

    @Test
    void patchesPreparedTogetherStayReadyUntilReleased() throws ApplyException {
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD);
        MsrBackend msr = backend(cpus, MsrAddressPolicy.USER_ADDRESS);
        MicrocodePatch newer = TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW);
        MicrocodePatch newest = TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW + 1);
        msr.prepare(newer, TestPatches.INTEL_PROTOCOL);
        msr.prepare(newest, TestPatches.INTEL_PROTOCOL);
        msr.prepare(TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.INTEL_PROTOCOL);
        LogicalCpu cpu0 = LogicalCpu.alone(0, 0, 0);

        msr.pinCurrentThread(cpu0);
        assertThat(msr.apply(cpu0, newer, TestPatches.INTEL_PROTOCOL).outcome()).isEqualTo(CpuOutcome.UPDATED);
        msr.pinCurrentThread(CPU1);
        assertThat(msr.apply(CPU1, newest, TestPatches.INTEL_PROTOCOL).outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(cpus.revision(0)).isEqualTo(INTEL_NEW);
        assertThat(cpus.revision(1)).isEqualTo(INTEL_NEW + 1);
        assertThat(cpus.triggerValues()).doesNotHaveDuplicates();

        msr.release();
        assertThat(msr.apply(CPU1, newest, TestPatches.INTEL_PROTOCOL).message()).contains("not prepared");
    }

    /** Two CPUs of one package as sysfs and /proc/cpuinfo show them, with the revision the kernel last read. */
    private void twoCpus(String vendor, CpuSignature signature, int kernelRevision) {
        FixtureMachine machine = new FixtureMachine(root).online("0-1").present("0-1");
        for (int cpu = 0; cpu < 2; cpu++) {
            machine.topology(cpu, cpu, 0, Integer.toString(cpu)).microcodeVersion(cpu, kernelRevision)
                    .processor(cpu, vendor, signature.family(), signature.model(), signature.stepping(), kernelRevision, 0, cpu, "fpu msr");
        }
    }

    @Test
    void readingAnIntelPlatformWritesNoMsrAndSaysTheRevisionIsTheKernelsView() throws IOException {
        twoCpus("GenuineIntel", SKYLAKE_SP, INTEL_OLD);
        SimulatedCpus cpus = SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_NEW);

        Platform platform = backend(cpus, MsrAddressPolicy.USER_ADDRESS).platform();

        assertThat(cpus.writes()).as("every write through /dev/cpu/N/msr taints the kernel").isEmpty();
        PlatformCpu cpu1 = platform.cpu(1).orElseThrow();
        assertThat(cpu1.state().revision()).as("the kernel's view, not the CPU's").contains(Revision.of(INTEL_OLD));
        assertThat(cpu1.sourceOf(Fact.REVISION)).isEqualTo("sysfs microcode/version");
        assertThat(cpu1.state().platformFlags()).contains(PlatformFlags.ofPlatformId(2));
        assertThat(cpu1.sourceOf(Fact.PLATFORM_FLAGS)).isEqualTo("MSR 0x17 bits 52:50");
        assertThat(platform.notes()).containsExactly(
                "CPUs 0-1: the revision from sysfs microcode/version is " + MsrBackend.KERNEL_VIEW_CAVEAT,
                MsrBackend.LOAD_CAVEAT);
    }

    @Test
    void readingAnAmdPlatformWritesNoMsrAndReadsTheRevisionFromTheCpu() throws IOException {
        twoCpus("AuthenticAMD", MILAN, AMD_OLD);
        SimulatedCpus cpus = SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 2, AMD_NEW);

        Platform platform = backend(cpus, MsrAddressPolicy.USER_ADDRESS).platform();

        assertThat(cpus.writes()).isEmpty();
        assertThat(platform.cpu(0).orElseThrow().state().revision()).contains(Revision.of(AMD_NEW));
        assertThat(platform.cpu(0).orElseThrow().sourceOf(Fact.REVISION)).isEqualTo("MSR 0x8B (low dword)");
        assertThat(platform.notes()).containsExactly(MsrBackend.LOAD_CAVEAT);
    }

    @Test
    void theLoadCaveatSaysWhatALoadLeavesBehindAndWhatToPrefer() {
        assertThat(MsrBackend.LOAD_CAVEAT).contains("taints the kernel", "CPU_OUT_OF_SPEC", "/proc/sys/kernel/tainted",
                "/proc/cpuinfo", "microcode/version", "old revision", "mitigations", "early load", "kernel backend");
    }

    @Test
    void readRevisionFollowsEachVendorsRule() throws ApplyException {
        assertThat(backend(SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD), MsrAddressPolicy.USER_ADDRESS)
                .readRevision(CPU1, TestPatches.INTEL_PROTOCOL)).isEqualTo(Revision.of(INTEL_OLD));
        assertThat(backend(SimulatedCpus.amd(MILAN, MILAN_EQUIVALENCE_ID, 2, AMD_OLD), MsrAddressPolicy.USER_ADDRESS)
                .readRevision(CPU1, TestPatches.AMD_PROTOCOL)).isEqualTo(Revision.of(AMD_OLD));
    }

    @Test
    void preparingRejectsAPatchForTheOtherVendorsProtocol() {
        MsrBackend msr = backend(SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD), MsrAddressPolicy.USER_ADDRESS);

        assertThatThrownBy(() -> msr.prepare(TestPatches.intel(SKYLAKE_SP, 0xb7, INTEL_NEW), TestPatches.AMD_PROTOCOL))
                .isInstanceOf(ApplyException.class).hasMessageContaining("INTEL patch cannot be loaded by the AMD protocol");
    }

    @Test
    void nameAndPriorityPlaceItBelowTheKernel() {
        MsrBackend msr = backend(SimulatedCpus.intel(SKYLAKE_SP, 2, 2, INTEL_OLD), MsrAddressPolicy.USER_ADDRESS);
        assertThat(msr.name()).isEqualTo("msr");
        assertThat(msr.priority()).isLessThan(new KernelBackend(LinuxRoots.under(root)).priority());
        assertThat(Optional.of(msr.scope().name())).contains("PER_CPU");
    }
}
