package io.github.ucode4j.lab;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The Xen scenarios on an Intel Skylake-Server (06-55-04). Three are held back by one library gap; their assertions
 * stay as they should hold once it is fixed.
 */
class IntelXenIT extends XenScenarios {
    private static final String PLATFORM_FLAGS_GAP = "library bug: under Xen 4.17 the xen backend reports Intel platform"
            + " flags as unknown (XENPF_get_ucode_revision needs 4.18), and the planner then answers PLATFORM_MISMATCH"
            + " ('pf_mask 0xb7 does not cover every platform') for every 06-55-04 patch: ucode loads nothing and"
            + " exits 0 where Xen itself, which knows the flags, tries the patch";

    IntelXenIT() {
        super(CpuModel.SKYLAKE_SERVER);
    }

    @Override
    @Test
    @Disabled(PLATFORM_FLAGS_GAP)
    void aNewerPatchIsTriedAndRefusedByTheCpu() throws Exception {
        super.aNewerPatchIsTriedAndRefusedByTheCpu();
    }

    @Override
    @Test
    @Disabled(PLATFORM_FLAGS_GAP + "; with the same revision the answer should be UP_TO_DATE")
    void theSameRevisionLoadsOnAmdAndIsUpToDateOnIntel() throws Exception {
        super.theSameRevisionLoadsOnAmdAndIsUpToDateOnIntel();
    }

    @Override
    @Test
    @Disabled(PLATFORM_FLAGS_GAP + "; with a newer revision than every patch the answer should be UP_TO_DATE")
    void aNewerRevisionIsUpToDateFromOurPlanWhereXenUcodeReportsAFailure() throws Exception {
        super.aNewerRevisionIsUpToDateFromOurPlanWhereXenUcodeReportsAFailure();
    }
}
