package io.github.ucode4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionTest {
    private static final Revision PRODUCTION = Revision.of(0x2007006);
    private static final Revision PRE_PRODUCTION = Revision.of(0x80000012);

    @Test
    void naturalOrderIsUnsignedAsTheLoadersCompare() {
        assertThat(PRE_PRODUCTION).isGreaterThan(PRODUCTION);
        assertThat(PRE_PRODUCTION.isNewerThan(PRODUCTION)).isTrue();
        assertThat(Revision.of(0xffffffff)).isGreaterThan(Revision.of(0x7fffffff));
    }

    @Test
    void signedOrderIsIucodeToolsForIntel() {
        assertThat(Revision.SIGNED.compare(PRE_PRODUCTION, PRODUCTION)).isNegative();
        assertThat(Revision.SIGNED.compare(Revision.of(-1), Revision.of(0))).isNegative();
        assertThat(PRE_PRODUCTION.isPreProduction()).isTrue();
        assertThat(PRODUCTION.isPreProduction()).isFalse();
    }

    @Test
    void intelLoadsOnlyStrictlyNewerRevisions() {
        assertThat(Vendor.INTEL.wouldLoad(Revision.of(0x2006e05), PRODUCTION)).isTrue();
        assertThat(Vendor.INTEL.wouldLoad(PRODUCTION, PRODUCTION)).isFalse();
        assertThat(Vendor.INTEL.wouldLoad(PRODUCTION, Revision.of(0x2006e05))).isFalse();
        // Both sides of bit 31: a production patch never replaces a pre-production revision, and vice versa it does.
        assertThat(Vendor.INTEL.wouldLoad(PRE_PRODUCTION, PRODUCTION)).isFalse();
        assertThat(Vendor.INTEL.wouldLoad(PRODUCTION, PRE_PRODUCTION)).isTrue();
    }

    @Test
    void amdLoadsTheSameOrANewerRevision() {
        Revision milan = Revision.of(0x0a0011d5);
        assertThat(Vendor.AMD.wouldLoad(Revision.of(0x0a001143), milan)).isTrue();
        assertThat(Vendor.AMD.wouldLoad(milan, milan)).isTrue();
        assertThat(Vendor.AMD.wouldLoad(Revision.of(0x0a0011ff), milan)).isFalse();
    }

    @Test
    void printsAsTheKernelDoes() {
        assertThat(Revision.of(0x2007006)).hasToString("0x2007006");
        assertThat(Revision.of(0xffffffff).unsigned()).isEqualTo(0xffffffffL);
    }

    @Test
    void vendorsAreFoundByTheirCpuidName() {
        assertThat(Vendor.fromCpuidName("GenuineIntel")).contains(Vendor.INTEL);
        assertThat(Vendor.fromCpuidName("AuthenticAMD")).contains(Vendor.AMD);
        assertThat(Vendor.fromCpuidName("CentaurHauls")).isEmpty();
    }
}
