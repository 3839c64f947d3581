package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.Bundle;
import io.github.ucode4j.api.MicrocodePatch;
import io.github.ucode4j.api.Revision;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revisions on both sides of bit 31: load decisions compare unsigned (pre-production revisions are newer), the
 * iucode_tool selection compares signed (they are older), exactly as that tool does.
 */
class RevisionPolicyTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();
    private static final MicrocodePatch PRODUCTION = patch(0x7fffffff);
    private static final MicrocodePatch PRE_PRODUCTION = patch(0x80000001);

    @Test
    void loadDecisionsCompareUnsigned() {
        assertThat(OPS.compare(PRE_PRODUCTION, PRODUCTION)).isPositive();
        assertThat(OPS.compare(PRODUCTION, PRE_PRODUCTION)).isNegative();
        assertThat(OPS.compare(patch(0xffffffff), PRE_PRODUCTION)).isPositive();
        assertThat(OPS.compare(PRODUCTION, patch(0x7fffffff))).isZero();
        assertThat(OPS.vendor().wouldLoad(PRE_PRODUCTION.revision(), PRODUCTION.revision())).isFalse();
    }

    @Test
    void theIucodeToolSelectionComparesSignedAsThatToolDoes() {
        IucodeToolSelection selection = new IucodeToolSelection();
        selection.add(new Bundle("b", OPS.vendor(), List.of(PRE_PRODUCTION, PRODUCTION), List.of()));
        assertThat(selection.selected()).singleElement()
                .satisfies(e -> assertThat(e.patch().revision()).isEqualTo(Revision.of(0x7fffffff)));
        assertThat(selection.listing()).last().asString().contains("rev 0x7fffffff");

        IucodeToolSelection reversed = new IucodeToolSelection();
        reversed.add(new Bundle("b", OPS.vendor(), List.of(PRODUCTION, PRE_PRODUCTION), List.of()));
        assertThat(reversed.selected()).singleElement()
                .satisfies(e -> assertThat(e.patch().revision()).isEqualTo(Revision.of(0x7fffffff)));
    }

    private static MicrocodePatch patch(int revision) {
        return IntelPatchBuilder.patch().revision(revision).buildPatch("rev");
    }
}
