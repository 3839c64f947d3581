package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoadJudgeTest {
    private static final Revision OLD = Revision.of(0xb4);
    private static final Revision NEW = Revision.of(0xf0);
    private static final Revision OTHER = Revision.of(0xc2);

    @Test
    void aCpuThatMovedToTheAskedRevisionUpdated() {
        CpuResult result = LoadJudge.judge(LoadEvidence.of(3, Vendor.INTEL, OLD, NEW, NEW, LoadAnswer.RETURNED, "MSR 0x79"));
        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.message()).isEqualTo("loaded revision 0xf0 over 0xb4 (MSR 0x79)");
        assertThat(result.cpu()).isEqualTo(3);
        assertThat(result.before()).contains(OLD);
        assertThat(result.after()).contains(NEW);
    }

    @Test
    void anAmdReloadOfTheRunningRevisionUpdatedBecauseTheCpuTookTheLoad() {
        CpuResult result = LoadJudge.judge(LoadEvidence.of(0, Vendor.AMD, NEW, NEW, NEW, LoadAnswer.RETURNED, ""));
        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.message()).contains("reloaded revision 0xf0", "already ran", "reload the revision a CPU runs");
    }

    @Test
    void aForcedReloadOfTheRunningRevisionUpdatedOnIntelToo() {
        CpuResult result = LoadJudge.judge(LoadEvidence.of(0, Vendor.INTEL, NEW, NEW, NEW, LoadAnswer.LOADED, ""));
        assertThat(result.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(result.message()).contains("reloaded revision 0xf0", "forced reload");
    }

    @Test
    void aCpuThatTookTheRequestButKeptItsRevisionRefused() {
        CpuResult result = LoadJudge.judge(LoadEvidence.of(1, Vendor.INTEL, OLD, OLD, NEW, LoadAnswer.RETURNED, ""));
        assertThat(result.outcome()).isEqualTo(CpuOutcome.REFUSED);
        assertThat(result.message()).contains("still reports revision 0xb4", "before 0xb4", "patch 0xf0", "refused");
    }

    @Test
    void aCpuThatMovedToAThirdRevisionFailedWhateverTheLoaderSaid() {
        for (LoadAnswer answer : new LoadAnswer[] {LoadAnswer.RETURNED, LoadAnswer.LOADED}) {
            CpuResult result = LoadJudge.judge(LoadEvidence.of(1, Vendor.INTEL, OLD, OTHER, NEW, answer, ""));
            assertThat(result.outcome()).as("%s", answer).isEqualTo(CpuOutcome.FAILED);
            assertThat(result.message()).contains("0xc2", "neither", "0xb4", "0xf0");
        }
    }

    @Test
    void nothingAttemptedOnACpuThatRunsTheAskedRevisionOrNewerIsUpToDate() {
        assertThat(LoadJudge.judge(LoadEvidence.of(0, Vendor.AMD, NEW, NEW, NEW, LoadAnswer.NOT_ATTEMPTED, "")).outcome())
                .isEqualTo(CpuOutcome.UP_TO_DATE);
        assertThat(LoadJudge.judge(LoadEvidence.of(0, Vendor.INTEL, NEW, NEW, OLD, LoadAnswer.NOT_ATTEMPTED, "")).outcome())
                .isEqualTo(CpuOutcome.UP_TO_DATE);
        CpuResult behind = LoadJudge.judge(LoadEvidence.of(0, Vendor.INTEL, OLD, OLD, NEW, LoadAnswer.NOT_ATTEMPTED, "aborted"));
        assertThat(behind.outcome()).isEqualTo(CpuOutcome.NOT_ATTEMPTED);
        assertThat(behind.message()).isEqualTo("aborted");
    }

    @Test
    void revisionsCompareUnsignedAsTheLoadersDo() {
        Revision preProduction = Revision.of(0x8000_0001);
        assertThat(LoadJudge.alreadyRuns(preProduction, NEW)).isTrue();
        assertThat(LoadJudge.alreadyRuns(NEW, preProduction)).isFalse();
        assertThat(LoadJudge.alreadyRuns(NEW, NEW)).isTrue();
    }

    @Test
    void aLoaderThatFoundNothingNewerIsBelievedOnlyWhereTheRevisionAgrees() {
        assertThat(LoadJudge.judge(LoadEvidence.of(0, Vendor.INTEL, NEW, NEW, NEW, LoadAnswer.NOTHING_NEWER, "")).outcome())
                .isEqualTo(CpuOutcome.UP_TO_DATE);
        assertThat(LoadJudge.judge(LoadEvidence.of(0, Vendor.INTEL, OLD, OLD, NEW, LoadAnswer.NOTHING_NEWER, "")).outcome())
                .isEqualTo(CpuOutcome.FAILED);
        assertThat(LoadJudge.judge(unread(LoadAnswer.NOTHING_NEWER)).outcome()).isEqualTo(CpuOutcome.UP_TO_DATE);
    }

    @Test
    void withoutARevisionReadBackOnlyALoaderThatChecksItsWorkIsBelievedAndTheWordsSaySo() {
        CpuResult loaded = LoadJudge.judge(unread(LoadAnswer.LOADED));
        assertThat(loaded.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(loaded.message()).contains("not confirmed");
        CpuResult returned = LoadJudge.judge(unread(LoadAnswer.RETURNED));
        assertThat(returned.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(returned.message()).contains("could not be read back", "unknown");
    }

    @Test
    void aFailedOrTimedOutRequestKeepsTheBackendsWordsAndErrno() {
        LoadEvidence failed = new LoadEvidence(2, Vendor.AMD, Optional.of(OLD), Optional.empty(), NEW, LoadAnswer.FAILED,
                OptionalInt.of(5), "writing MSR 0xc0010020 failed (EIO)");
        CpuResult result = LoadJudge.judge(failed);
        assertThat(result.outcome()).isEqualTo(CpuOutcome.FAILED);
        assertThat(result.errno()).hasValue(5);
        assertThat(result.message()).isEqualTo("writing MSR 0xc0010020 failed (EIO)");
        assertThat(LoadJudge.judge(unread(LoadAnswer.TIMED_OUT)).outcome()).isEqualTo(CpuOutcome.TIMED_OUT);
    }

    @Test
    void aCpuThatReachedTheAskedRevisionUpdatedEvenWhereTheWholeLoadFailed() {
        assertThat(LoadJudge.judge(LoadEvidence.of(0, Vendor.INTEL, OLD, NEW, NEW, LoadAnswer.FAILED, "EIO")).outcome())
                .isEqualTo(CpuOutcome.UPDATED);
    }

    @Test
    void aSiblingIsJudgedFromWhatItReadAndWhatItsLoaderGot() {
        assertThat(sibling(Optional.of(OLD), NEW, CpuOutcome.UPDATED, false)).isEqualTo(CpuOutcome.SIBLING_UPDATED);
        assertThat(sibling(Optional.empty(), NEW, CpuOutcome.UPDATED, false)).isEqualTo(CpuOutcome.SIBLING_UPDATED);
        assertThat(sibling(Optional.of(NEW), NEW, CpuOutcome.UP_TO_DATE, false)).isEqualTo(CpuOutcome.UP_TO_DATE);
        assertThat(sibling(Optional.of(OLD), OLD, CpuOutcome.REFUSED, false)).isEqualTo(CpuOutcome.REFUSED);
        assertThat(sibling(Optional.of(OLD), OLD, CpuOutcome.FAILED, false)).isEqualTo(CpuOutcome.NOT_ATTEMPTED);
        assertThat(sibling(Optional.of(OLD), OLD, CpuOutcome.NOT_ATTEMPTED, false)).isEqualTo(CpuOutcome.NOT_ATTEMPTED);
        assertThat(sibling(Optional.of(OLD), OLD, CpuOutcome.TIMED_OUT, true)).isEqualTo(CpuOutcome.UNKNOWN);
        assertThat(sibling(Optional.of(OLD), OTHER, CpuOutcome.FAILED, false)).isEqualTo(CpuOutcome.FAILED);
    }

    @Test
    void theSiblingOfALoaderThatReloadedTheRunningRevisionWasUpdatedThroughIt() {
        CpuResult result = LoadJudge.judgeSibling(new SiblingEvidence(1, Optional.of(NEW), NEW, NEW, 0, CpuOutcome.UPDATED, false));
        assertThat(result.outcome()).isEqualTo(CpuOutcome.SIBLING_UPDATED);
        assertThat(result.message()).isEqualTo("now runs 0xf0, loaded by its SMT sibling CPU 0");
    }

    @Test
    void anUnmovedSiblingSaysWhatItsLoaderReported() {
        CpuResult result = LoadJudge.judgeSibling(new SiblingEvidence(1, Optional.of(OLD), OLD, NEW, 0, CpuOutcome.TIMED_OUT, true));
        assertThat(result.message()).isEqualTo("still runs 0xb4, not 0xf0; its SMT sibling CPU 0 reported TIMED_OUT: that load did "
                + "not finish and may still land on the engine they share");
    }

    @Test
    void aClaimTheRevisionReadBackContradictsIsJudgedAgain() {
        CpuResult claimed = new CpuResult(0, CpuOutcome.UPDATED, Optional.of(OLD), Optional.empty(), OptionalInt.empty(), "loaded");
        CpuResult judged = LoadJudge.confirm(claimed, Vendor.INTEL, Optional.of(OLD), Optional.of(OLD), NEW);
        assertThat(judged.outcome()).isEqualTo(CpuOutcome.REFUSED);
        assertThat(judged.message()).contains("still reports revision 0xb4", "the backend reported UPDATED: loaded");
        assertThat(LoadJudge.confirm(claimed, Vendor.INTEL, Optional.of(OLD), Optional.of(NEW), NEW)).isSameAs(claimed);
        assertThat(LoadJudge.confirm(claimed, Vendor.INTEL, Optional.of(OLD), Optional.empty(), NEW)).isSameAs(claimed);
    }

    @Test
    void aClaimReadBackAsAThirdRevisionFailed() {
        CpuResult claimed = new CpuResult(0, CpuOutcome.SIBLING_UPDATED, Optional.of(OLD), Optional.empty(), OptionalInt.empty(), "");
        assertThat(LoadJudge.confirm(claimed, Vendor.INTEL, Optional.of(OLD), Optional.of(OTHER), NEW).outcome())
                .isEqualTo(CpuOutcome.FAILED);
    }

    @Test
    void withoutTheRevisionBeforeOnlyALoaderThatSaysItLoadedCountsAsMoved() {
        LoadEvidence failed = new LoadEvidence(0, Vendor.INTEL, Optional.empty(), Optional.of(NEW), NEW, LoadAnswer.FAILED,
                OptionalInt.empty(), "EIO");
        assertThat(LoadJudge.judge(failed).outcome()).isEqualTo(CpuOutcome.FAILED);
        CpuResult loaded = LoadJudge.judge(new LoadEvidence(0, Vendor.INTEL, Optional.empty(), Optional.of(NEW), NEW,
                LoadAnswer.LOADED, OptionalInt.empty(), ""));
        assertThat(loaded.outcome()).isEqualTo(CpuOutcome.UPDATED);
        assertThat(loaded.message()).contains("the revision before was not read");
    }

    @Test
    void aCpuThatMovedToTheAskedRevisionUpdatedEvenWhereTheLoaderFoundNothingNewer() {
        assertThat(LoadJudge.judge(LoadEvidence.of(0, Vendor.INTEL, OLD, NEW, NEW, LoadAnswer.NOTHING_NEWER, "")).outcome())
                .isEqualTo(CpuOutcome.UPDATED);
    }

    private static LoadEvidence unread(LoadAnswer answer) {
        return new LoadEvidence(0, Vendor.INTEL, Optional.of(OLD), Optional.empty(), NEW, answer, OptionalInt.empty(), "");
    }

    private static CpuOutcome sibling(Optional<Revision> before, Revision after, CpuOutcome loader, boolean mayStillLand) {
        return LoadJudge.judgeSibling(new SiblingEvidence(1, before, after, NEW, 0, loader, mayStillLand)).outcome();
    }
}
