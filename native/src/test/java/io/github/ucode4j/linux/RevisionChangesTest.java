package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ucode4j.api.CpuState;
import io.github.ucode4j.api.LogicalCpu;
import io.github.ucode4j.api.Platform;
import io.github.ucode4j.api.PlatformCpu;
import io.github.ucode4j.api.Revision;
import io.github.ucode4j.linux.host.RevisionChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevisionChangesTest {

    @Test
    void cpusThatChangedAlikeAreSaidTogetherAndAnUnreadRevisionIsUnknown() {
        Platform before = platform(0x100, 0x100, 0x100, null);
        Platform after = platform(0x105, 0x105, 0x100, 0x105);

        assertThat(RevisionChanges.describe("revisions re-read from sysfs", before, after))
                .isEqualTo("revisions re-read from sysfs: CPUs 0-1: 0x100 -> 0x105; CPU 2: 0x100 (unchanged); CPU 3: unknown -> 0x105");
    }

    @Test
    void aCpuMissingBeforeIsUnknownAndOneMissingAfterIsNotSaid() {
        Platform before = platform(0x100, 0x100);
        Platform after = platform(0x100, 0x100, 0x100);

        assertThat(RevisionChanges.describe("Revisions re-read from Xen", after, before))
                .isEqualTo("Revisions re-read from Xen: CPUs 0-1: 0x100 (unchanged)");
        assertThat(RevisionChanges.describe("Revisions re-read from Xen", before, after))
                .isEqualTo("Revisions re-read from Xen: CPUs 0-1: 0x100 (unchanged); CPU 2: unknown -> 0x100");
    }

    // One CPU per revision given; null for a revision that could not be read.
    private static Platform platform(Integer... revisions) {
        List<PlatformCpu> cpus = new ArrayList<>();
        for (int i = 0; i < revisions.length; i++) {
            Optional<Revision> revision = Optional.ofNullable(revisions[i]).map(Revision::of);
            CpuState state = new CpuState(Optional.empty(), Optional.empty(), Optional.empty(), revision);
            cpus.add(new PlatformCpu(LogicalCpu.alone(i, i, 0), state, Map.of()));
        }
        return new Platform("test", cpus, Optional.empty(), List.of());
    }
}
