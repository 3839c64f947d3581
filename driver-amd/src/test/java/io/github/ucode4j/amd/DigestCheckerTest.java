package io.github.ucode4j.amd;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuSignature;
import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.MicrocodeFormatException;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.PlatformFlags;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.api.Vendor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Entrysign digest check on both sides of a cutoff, with a list made for the test. */
class DigestCheckerTest {
    private static final CpuSignature ZEN3 = CpuSignature.of(0x00a00f10);
    private static final Revision CUTOFF = Revision.of(0x0a00107a);

    private static MicrocodePatch patch(CpuSignature cpu, int revision) throws MicrocodeFormatException {
        return Parsing.parse(AmdPatchBuilder.forCpu(cpu).revision(revision).build().container()).patches().get(0);
    }

    private static CpuState running(CpuSignature cpu, int revision) {
        return CpuState.of(Vendor.AMD, cpu, PlatformFlags.NONE, Revision.of(revision));
    }

    private static DigestChecker checkerKnowing(MicrocodePatch patch) {
        return new DigestChecker(DigestAllowList.of(Map.of(patch.revision(), patch.sha256().toUpperCase())),
                EntrysignCutoffs.of(List.of(CUTOFF)));
    }

    @Test
    void atOrBelowTheCutoffAKnownDigestIsAllowed() throws MicrocodeFormatException {
        MicrocodePatch patch = patch(ZEN3, 0x0a00107a);
        DigestChecker checker = checkerKnowing(patch);
        for (int revision : new int[] {0x0a001079, 0x0a00107a, 0}) {
            DigestCheck check = checker.check(patch, running(ZEN3, revision));
            assertThat(check.verdict()).as(check.reason()).isEqualTo(DigestVerdict.ALLOWED);
            assertThat(check.loads()).isTrue();
        }
    }

    @Test
    void aboveTheCutoffNoCheckIsNeeded() throws MicrocodeFormatException {
        MicrocodePatch unknown = patch(ZEN3, 0x0a00107c);
        DigestCheck check = checkerKnowing(patch(ZEN3, 0x0a00107a)).check(unknown, running(ZEN3, 0x0a00107b));
        assertThat(check.verdict()).isEqualTo(DigestVerdict.NOT_REQUIRED);
        assertThat(check.reason()).contains("0xa00107b", "0xa00107a");
    }

    @Test
    void atOrBelowTheCutoffAnUnknownPatchIsRefused() throws MicrocodeFormatException {
        MicrocodePatch unknown = patch(ZEN3, 0x0a00107c);
        DigestCheck check = checkerKnowing(patch(ZEN3, 0x0a00107a)).check(unknown, running(ZEN3, 0x0a001079));
        assertThat(check.verdict()).isEqualTo(DigestVerdict.UNKNOWN_DIGEST);
        assertThat(check.loads()).isFalse();
        assertThat(check.reason()).contains("0xa00107c");
    }

    @Test
    void aPatchWhoseBytesDifferFromTheListedDigestIsRefused() throws MicrocodeFormatException {
        MicrocodePatch listed = patch(ZEN3, 0x0a00107a);
        MicrocodePatch impostor = Parsing.parse(AmdPatchBuilder.forCpu(ZEN3).revision(0x0a00107a).seed(99).build()
                .container()).patches().get(0);
        DigestCheck check = checkerKnowing(listed).check(impostor, running(ZEN3, 0x0a001079));
        assertThat(check.verdict()).isEqualTo(DigestVerdict.DIGEST_MISMATCH);
        assertThat(check.reason()).contains(impostor.sha256(), listed.sha256());
    }

    @Test
    void cpusWithoutTheFlawNeedNoCheck() throws MicrocodeFormatException {
        DigestChecker checker = DigestChecker.builtIn();
        MicrocodePatch family15 = patch(CpuSignature.fromDisplay(0x15, 0x02, 0), 0x06000852);
        assertThat(checker.check(family15, running(family15.primaryTarget().signature(), 0)).verdict())
                .isEqualTo(DigestVerdict.NOT_REQUIRED);
        CpuSignature zen5Server = CpuSignature.fromDisplay(0x1a, 0x50, 0);
        assertThat(EntrysignCpus.affected(zen5Server)).isFalse();
        assertThat(EntrysignCpus.affected(CpuSignature.fromDisplay(0x1a, 0x44, 0))).isTrue();
        assertThat(EntrysignCpus.affected(CpuSignature.fromDisplay(0x1a, 0x80, 0))).isFalse();
        assertThat(EntrysignCpus.affected(CpuSignature.fromDisplay(0x17, 0x71, 0))).isTrue();
    }

    @Test
    void aCpuWithTheFlawAndNoKnownCutoffIsChecked() throws MicrocodeFormatException {
        CpuSignature unlisted = CpuSignature.fromDisplay(0x19, 0xf0, 0xf);
        MicrocodePatch patch = patch(unlisted, ZenPatchId.lowestRevision(unlisted).value() | 5);
        int runningRevision = ZenPatchId.lowestRevision(unlisted).value() | 4;
        DigestChecker checker = DigestChecker.builtIn();
        assertThat(checker.cutoffFor(unlisted, Revision.of(runningRevision))).isEmpty();
        assertThat(checker.required(unlisted, Revision.of(runningRevision))).isTrue();
        assertThat(checker.check(patch, running(unlisted, runningRevision)).verdict()).isEqualTo(DigestVerdict.UNKNOWN_DIGEST);
    }

    @Test
    void anUnknownCpuIsJudgedByThePatchsOwnCpuAndAnUnknownRevisionAsNeedingTheCheck() throws MicrocodeFormatException {
        MicrocodePatch patch = patch(ZEN3, 0x0a00107c);
        CpuState unknown = new CpuState(Optional.of(Vendor.AMD), Optional.empty(), Optional.empty(), Optional.empty());
        DigestCheck check = checkerKnowing(patch(ZEN3, 0x0a00107a)).check(patch, unknown);
        assertThat(check.verdict()).isEqualTo(DigestVerdict.UNKNOWN_DIGEST);
        assertThat(check.reason()).contains("unknown");
    }

    @Test
    void theBuiltInListsCarryEveryLinuxEntry() {
        assertThat(DigestAllowList.builtIn().size()).isEqualTo(79);
        assertThat(EntrysignCutoffs.builtIn().size()).isEqualTo(34);
        assertThat(EntrysignCutoffs.builtIn().cutoffFor(Revision.of(0x0a001078))).contains(CUTOFF);
        assertThat(DigestAllowList.builtIn().digestOf(Revision.of(0x0a00107a)))
                .contains("5f92caffc359225f02a0913b4a4510fd19e18a6d9a92c13f7578ac78031ddb18");
    }
}
