package io.github.ucode4j.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.MicrocodePatch;
import org.junit.jupiter.api.Test;

/**
 * Revisions on both sides of bit 31: load decisions compare unsigned, so a pre-production revision (bit 31 set) is
 * newer than every production one. (The cache can merge in iucode_tool's signed order; tested there.)
 */
class RevisionPolicyTest {
    private static final IntelMicrocodeOps OPS = new IntelMicrocodeOps();
    private static final MicrocodePatch PRODUCTION = patch(0x7fffffff);
    private static final MicrocodePatch PRE_PRODUCTION = patch(0x80000001);

    @Test
    void loadDecisionsCompareUnsigned() {
        assertThat(PRE_PRODUCTION.revision().compareTo(PRODUCTION.revision())).isPositive();
        assertThat(PRODUCTION.revision().compareTo(PRE_PRODUCTION.revision())).isNegative();
        assertThat(patch(0xffffffff).revision().compareTo(PRE_PRODUCTION.revision())).isPositive();
        assertThat(PRODUCTION.revision().compareTo(patch(0x7fffffff).revision())).isZero();
        assertThat(OPS.vendor().wouldLoad(PRE_PRODUCTION.revision(), PRODUCTION.revision())).isFalse();
    }

    private static MicrocodePatch patch(int revision) {
        return IntelPatchBuilder.patch().revision(revision).buildPatch("rev");
    }
}
